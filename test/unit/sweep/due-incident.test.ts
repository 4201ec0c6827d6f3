import { describe, expect, it } from "vitest";
import { due } from "../../../src/features/sweep/due.js";
import type { SweepTask } from "../../../src/features/sweep/sweep-task.js";
import { bot, type HistoryBuilder, user } from "../../support/history-builder.js";
import { at, configOf, D, H, incidentOf, iso, M, S, sent, snapshotOf } from "../../support/sweep-fixtures.js";

/** The rules of an incident (§10) as tables: history, moment, the keys due then. */
type Build = (b: HistoryBuilder) => void;
const keys = (actions: SweepTask[]) => actions.map((action) => action.key);

const POLICY = configOf({
  escalation: [
    { after: "5m", when: "unacknowledged", notify: ["secondary"] },
    { after: "15m", when: "no-update", notify: ["@acme/managers"] },
    { after: "30m", when: "unresolved", notify: ["primary", "@vp"] },
  ],
});
const ack =
  (ms: number): Build =>
  (b) => {
    b.comment("/ack", iso(ms), user("bob"));
  };
const update =
  (ms: number): Build =>
  (b) => {
    b.comment("/update still rolling back", iso(ms), user("bob"));
  };
const both =
  (...builds: Build[]): Build =>
  (b) => {
    for (const build of builds) build(b);
  };

describe("escalation policy: each level once when its condition holds", () => {
  const escalations = (build: Build, ms: number) =>
    keys(due(at(ms), snapshotOf([incidentOf(POLICY, build)]), POLICY)).filter((key) =>
      key.startsWith("escalation"),
    );
  it.each([
    ["unacknowledged, 1 s before level 1", () => {}, 5 * M - S, []],
    ["unacknowledged at 5m: level 1", () => {}, 5 * M, ["escalation:1"]],
    ["acknowledged at 3m: no level 1", ack(3 * M), 10 * M, []],
    ["acknowledged, no update for 15m: level 2", ack(M), 15 * M, ["escalation:2"]],
    ["an update at 10m restarts the no-update clock", both(ack(M), update(10 * M)), 25 * M - S, []],
    ["15m after that update: level 2", both(ack(M), update(10 * M)), 25 * M, ["escalation:2"]],
    ["unresolved at 30m: level 3", both(ack(M), update(20 * M)), 30 * M, ["escalation:3"]],
    [
      "all three when nobody did anything for 30m",
      () => {},
      30 * M,
      ["escalation:1", "escalation:2", "escalation:3"],
    ],
    [
      "level 1 already sent",
      (b: HistoryBuilder) =>
        b.comment("<!-- incident-app:escalation key=escalation:1 level=1 notify=sam -->", iso(5 * M), bot),
      6 * M,
      [],
    ],
    [
      "resolved: nothing",
      (b: HistoryBuilder) => b.comment("/resolve fixed", iso(2 * M), user("bob")),
      40 * M,
      [],
    ],
  ] as Array<[string, Build, number, string[]]>)("%s", (_name, build, ms, expected) => {
    expect(escalations(build, ms)).toEqual(expected);
  });

  it("names people: primary and secondary are the on-call of the declaration, teams stay teams", () => {
    const actions = due(at(30 * M), snapshotOf([incidentOf(POLICY)]), POLICY);
    expect(
      actions.filter((a) => a.kind === "escalation").map((a) => ("mentions" in a ? a.mentions : [])),
    ).toEqual([["sam"], ["acme/managers"], ["ann", "vp"]]);
  });

  it("follows a rotation: secondary is the next person of the shift", () => {
    const config = configOf({
      onCall: { rotation: { users: ["ann", "ben", "cat"], start: "2026-02-02T09:00:00Z", every: "1d" } },
      escalation: [{ after: "5m", when: "unacknowledged", notify: ["secondary", "primary"] }],
    });
    const [action] = due(at(5 * M), snapshotOf([incidentOf(config)]), config);
    expect(action).toMatchObject({ kind: "escalation", mentions: ["cat", "ben"] });
  });
});

describe("acknowledgement target", () => {
  const config = configOf();
  it.each([
    ["1 s before the 15m target", () => {}, 15 * M, []],
    ["past the 15m target", () => {}, 15 * M + S, ["ack"]],
    ["acknowledged", ack(14 * M), 20 * M, []],
    ["already told", (b: HistoryBuilder) => sent(b, "ack", 16 * M), 20 * M, []],
  ] as Array<[string, Build, number, string[]]>)("%s", (_name, build, ms, expected) => {
    const found = keys(due(at(ms), snapshotOf([incidentOf(config, build)]), config)).filter(
      (k) => k === "ack",
    );
    expect(found).toEqual(expected);
  });

  it("is left to the escalation policy when a level covers unacknowledged incidents", () => {
    expect(keys(due(at(20 * M), snapshotOf([incidentOf(POLICY)]), POLICY))).not.toContain("ack");
  });
});

describe("incident commander target (seed plans 000, 003: SEV-1 15m, SEV-2 30m)", () => {
  const config = configOf();
  const ic =
    (ms: number): Build =>
    (b) => {
      b.comment("/ic @carol", iso(ms), user("bob"));
    };
  const raise: Build = (b) => b.label("SEV-1", iso(S), user("bob"));
  it.each([
    ["SEV-2, exactly at 30m", () => {}, 30 * M, []],
    ["SEV-2, past 30m with no IC", () => {}, 30 * M + S, ["ic"]],
    ["SEV-1, past 15m with no IC", raise, 15 * M + S, ["ic"]],
    ["an IC named at 20m", ic(20 * M), 40 * M, []],
    ["/ack makes the acknowledger IC", ack(25 * M), 40 * M, []],
    ["already nudged: once", (b: HistoryBuilder) => sent(b, "ic", 31 * M), 2 * H, []],
    ["SEV-3 has no IC target", (b: HistoryBuilder) => b.label("SEV-3", iso(S), user("bob")), 5 * H, []],
  ] as Array<[string, Build, number, string[]]>)("%s", (_name, build, ms, expected) => {
    const found = keys(due(at(ms), snapshotOf([incidentOf(config, build)]), config)).filter(
      (k) => k === "ic",
    );
    expect(found).toEqual(expected);
  });

  it("tells the on-call who to name, once", () => {
    const [action] = due(at(31 * M), snapshotOf([incidentOf(config, ack(M))]), config).filter(
      (a) => a.kind === "ic-overdue",
    );
    expect(action).toBeUndefined();
    const nudge = due(at(31 * M), snapshotOf([incidentOf(config)]), config).find(
      (a) => a.kind === "ic-overdue",
    );
    expect(nudge).toMatchObject({ mentions: ["ann", "sam"], target: 30 * M });
  });
});

describe("external communication prompts (seed plans 000, 001)", () => {
  const config = configOf();
  const comms = (build: Build, ms: number) =>
    due(at(ms), snapshotOf([incidentOf(config, build)]), config).filter((a) => a.kind === "comms-prompt");
  const raise: Build = (b) => b.label("SEV-1", iso(S), user("bob"));
  it.each([
    ["SEV-2 at 29m: none", ack(M), 29 * M, []],
    ["SEV-2 at 30m: prepare public communication", ack(M), 30 * M, ["comms:2"]],
    ["SEV-2 at 2h: both", ack(M), 2 * H, ["comms:2", "comms:3"]],
    ["SEV-1 at once", both(ack(M), raise), 2 * M, ["comms:1"]],
    ["SEV-3: none", (b: HistoryBuilder) => b.label("SEV-3", iso(S), user("bob")), 3 * H, []],
    [
      "already prompted: once per rule",
      both(ack(M), (b: HistoryBuilder) => sent(b, "comms:2", 31 * M)),
      H,
      [],
    ],
    [
      "a public update was posted: none",
      both(ack(M), (b: HistoryBuilder) =>
        b.comment("/status public investigating Searching is slow.", iso(5 * M), user("carol")),
      ),
      3 * H,
      [],
    ],
  ] as Array<[string, Build, number, string[]]>)("%s", (_name, build, ms, expected) => {
    expect(keys(comms(build, ms))).toEqual(expected);
  });

  it("asks the comms role, else the IC", () => {
    const withComms = comms(
      both(ack(M), (b) => b.comment("/comms @carol", iso(2 * M), user("bob"))),
      30 * M,
    );
    expect(withComms[0]).toMatchObject({ mentions: ["carol"] });
    expect(comms(ack(M), 30 * M)[0]).toMatchObject({ mentions: ["bob"] });
  });
});

describe("update cadence (SEV-2: every 30m)", () => {
  const config = configOf();
  const nudges = (build: Build, ms: number) =>
    due(at(ms), snapshotOf([incidentOf(config, both(ack(M), build))]), config).filter(
      (a) => a.kind === "update-nudge",
    );
  it.each([
    ["exactly when the update is due", () => {}, 30 * M, []],
    ["1 s later", () => {}, 30 * M + S, ["update:2026-02-03T14:23Z:0"]],
    ["one cadence later: the next window", () => {}, 60 * M + S, ["update:2026-02-03T14:23Z:1"]],
    ["an update at 20m moves it to 50m", update(20 * M), 50 * M, []],
    ["after that update", update(20 * M), 50 * M + S, ["update:2026-02-03T14:43Z:0"]],
    [
      "already nudged in this window",
      (b: HistoryBuilder) => sent(b, "update:2026-02-03T14:23Z:0", 31 * M),
      59 * M,
      [],
    ],
    ["resolved", (b: HistoryBuilder) => b.comment("/resolve done", iso(10 * M), user("bob")), 60 * M, []],
  ] as Array<[string, Build, number, string[]]>)("%s", (_name, build, ms, expected) => {
    expect(keys(nudges(build, ms))).toEqual(expected);
  });

  it("goes to the IC and comms, or to the primary on-call when nobody has a role", () => {
    const roles = nudges((b) => b.comment("/comms @carol", iso(2 * M), user("bob")), 31 * M);
    expect(roles[0]).toMatchObject({ mentions: ["bob", "carol"] });
    const nobody = due(at(31 * M), snapshotOf([incidentOf(config)]), config).find(
      (a) => a.kind === "update-nudge",
    );
    expect(nobody).toMatchObject({ mentions: ["ann"] });
  });
});

describe("automatic severity escalation (seed plan 003)", () => {
  const config = configOf({
    autoEscalation: [
      { from: "SEV-3", to: "SEV-2", after: "4h" },
      { from: "SEV-2", to: "SEV-1", after: "2h" },
    ],
  });
  const autos = (build: Build, ms: number) =>
    due(at(ms), snapshotOf([incidentOf(config, both(ack(M), build))]), config).filter(
      (a) => a.kind === "auto-severity",
    );
  it.each([
    ["SEV-2, 1 s short of 2h", () => {}, 2 * H - S, []],
    ["SEV-2 unresolved 2h: to SEV-1", () => {}, 2 * H, ["auto:SEV-2:1770128580"]],
    [
      "lowered to SEV-3 at 1h: 4h from then",
      (b: HistoryBuilder) => b.label("SEV-3", iso(H), user("bob")),
      5 * H - S,
      [],
    ],
    [
      "SEV-3 unresolved 4h: to SEV-2",
      (b: HistoryBuilder) => b.label("SEV-3", iso(H), user("bob")),
      5 * H,
      ["auto:SEV-3:1770132180"],
    ],
    ["resolved", (b: HistoryBuilder) => b.comment("/resolve ok", iso(H), user("bob")), 3 * H, []],
  ] as Array<[string, Build, number, string[]]>)("%s", (_name, build, ms, expected) => {
    expect(keys(autos(build, ms))).toEqual(expected);
  });

  it("is read back by the projection: the severity changes and the rule is served", () => {
    const raised = incidentOf(config, (b) => {
      ack(M)(b);
      b.comment(
        "<!-- incident-app:auto-severity key=auto:SEV-2:1770128580 from=SEV-2 to=SEV-1 after=2h -->\nraised",
        iso(2 * H),
        bot,
      );
    });
    expect(raised.state.severity).toBe("SEV-1");
    expect(keys(due(at(2 * H), snapshotOf([raised]), config)).filter((k) => k.startsWith("auto"))).toEqual(
      [],
    );
  });

  it("lets the other rules see the new severity at once (SEV-1 asks for updates every 15m)", () => {
    const actions = due(at(2 * H), snapshotOf([incidentOf(config, ack(M))]), config);
    // Now SEV-1: its comms rules hold too (always; 30m unresolved).
    expect(keys(actions)).toEqual([
      "auto:SEV-2:1770128580",
      "comms:1",
      "comms:2",
      "update:2026-02-03T14:23Z:7",
    ]);
  });
});

describe("PIR reminders until the review is merged (SEV-2: due 48h after resolution)", () => {
  const config = configOf();
  const resolved = (b: HistoryBuilder) => b.comment("/resolve fixed", iso(H), user("bob"));
  const pirs = (build: Build, ms: number) =>
    keys(due(at(H + ms), snapshotOf([incidentOf(config, both(ack(M), resolved, build))]), config));
  it.each([
    ["more than a day before", () => {}, D - S, []],
    ["a day before: due soon", () => {}, D, ["pir:soon:2026-02-05T15:23Z"]],
    ["1 s before due", () => {}, 2 * D - S, ["pir:soon:2026-02-05T15:23Z"]],
    ["at due: overdue", () => {}, 2 * D, ["pir:overdue:2026-02-05T15:23Z:0"]],
    ["3 days later: the next window", () => {}, 5 * D, ["pir:overdue:2026-02-05T15:23Z:1"]],
    [
      "that window served",
      (b: HistoryBuilder) => sent(b, "pir:overdue:2026-02-05T15:23Z:1", H + 5 * D),
      6 * D,
      [],
    ],
    [
      "merged (the app's record)",
      (b: HistoryBuilder) => b.comment("<!-- incident-app:pir-merged pr=9 -->\nmerged", iso(H + D), bot),
      3 * D,
      [],
    ],
  ] as Array<[string, Build, number, string[]]>)("%s", (_name, build, ms, expected) => {
    expect(pirs(build, ms)).toEqual(expected);
  });

  it("is not owed by a severity without a review (SEV-4)", () => {
    const sev4 = incidentOf(config, (b) => {
      b.label("SEV-4", iso(M), user("bob"));
      resolved(b);
    });
    expect(due(at(4 * D), snapshotOf([sev4]), config)).toEqual([]);
  });

  it("goes to the incident commander", () => {
    const [action] = due(at(H + 2 * D), snapshotOf([incidentOf(config, both(ack(M), resolved))]), config);
    expect(action).toMatchObject({ kind: "pir-reminder", window: "overdue", mentions: ["bob"] });
  });
});
