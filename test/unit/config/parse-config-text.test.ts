import { describe, expect, it } from "vitest";
import type { ConfigProblem } from "../../../src/config/config-error.js";
import { parseConfigText } from "../../../src/config/parse-config-text.js";
import { ConfigSchema } from "../../../src/config/schema.js";

const FILE = ".github/incident.yml";
const DEFAULTS = ConfigSchema.parse({});

function config(text: string) {
  const result = parseConfigText(text, FILE);
  if (!result.ok) throw new Error(`expected a valid config, got ${JSON.stringify(result.error.problems)}`);
  return result.config;
}

function problems(text: string): ConfigProblem[] {
  const result = parseConfigText(text, FILE);
  if (result.ok) throw new Error("expected problems, the config is valid");
  expect(result.error.file).toBe(FILE);
  return result.error.problems;
}

describe("parseConfigText: valid files", () => {
  it.each([
    ["an empty file", ""],
    ["only comments", "# nothing to change\n"],
    ["a null document", "~\n"],
    ["an empty document", "---\n"],
  ])("%s means all defaults", (_name, text) => {
    expect(parseConfigText(text, FILE)).toEqual({
      ok: true,
      config: DEFAULTS,
      source: { origin: "text", files: [FILE], cached: false },
    });
  });

  it("applies partial overrides over the defaults", () => {
    const parsed = config(
      [
        "labels:",
        "  incident: outage",
        "recentChanges:",
        "  window: 2d",
        "onCall:",
        "  primary: ['@alice', acme/sre]",
        "  rotation:",
        "    users: ['@bob']",
        "    start: '2026-01-05T09:00:00Z'",
      ].join("\n"),
    );
    expect(parsed.labels).toEqual({ ...DEFAULTS.labels, incident: "outage" });
    expect(parsed.recentChanges.window).toBe(2 * 86_400_000);
    expect(parsed.onCall).toEqual({
      primary: ["alice", "acme/sre"],
      secondary: [],
      rotation: { users: ["bob"], start: "2026-01-05T09:00:00Z", every: 604_800_000 },
      overrides: [],
    });
    expect(parsed.severities).toEqual(DEFAULTS.severities);
  });

  it("replaces the severity list as a whole and fills each severity's defaults", () => {
    const parsed = config(
      "severities:\n  - name: Major\n    ack: 1h30m\n  - name: Minor\ndefaultSeverity: Minor\n",
    );
    expect(parsed.severities).toEqual([
      {
        name: "Major",
        aliases: [],
        description: "",
        color: "d93f0b",
        ack: 5_400_000,
        mitigate: null,
        resolve: null,
        icWithin: null,
        updateEvery: null,
        pirDue: null,
        monitoringWindow: null,
        notify: [],
        freeze: false,
      },
      expect.objectContaining({ name: "Minor", ack: null }),
    ]);
    expect(parsed.defaultSeverity).toBe("Minor");
  });

  it("accepts escalation targets: users, teams, primary and secondary", () => {
    const parsed = config(
      "escalation:\n  - after: 15m\n    when: unacknowledged\n    notify: [secondary, '@acme/leads', bob]\n",
    );
    expect(parsed.escalation).toEqual([
      { after: 900_000, when: "unacknowledged", notify: ["secondary", "acme/leads", "bob"] },
    ]);
  });

  it("accepts `_extends` (loadConfig follows it; text parsing does not)", () => {
    expect(config("_extends: .github\n")._extends).toBe(".github");
  });
});

describe("parseConfigText: every class of error, with its path", () => {
  it("a YAML syntax error gives line, column and the lines around it", () => {
    expect(problems("labels:\n  incident: x\n triage: y\n")).toEqual([
      {
        path: "",
        message: "YAML syntax error at line 3, column 2: bad indentation of a mapping entry",
        snippet: " 1 | labels:\n 2 |   incident: x\n 3 |  triage: y\n------^",
      },
    ]);
  });

  it("more than one YAML document", () => {
    expect(problems("timeZone: UTC\n---\ntimeZone: CET\n")).toEqual([
      { path: "", message: "expected one YAML document, found 2; remove the `---` separators" },
    ]);
  });

  it.each([
    ["a list", "- a\n- b\n", "a list"],
    ["a string", "just text\n", "`just text`"],
    ["a number", "42\n", "`42`"],
  ])("a top level that is %s", (_name, text, got) => {
    expect(problems(text)).toEqual([
      { path: "", message: `expected options as \`key: value\` lines (got ${got})` },
    ]);
  });

  it.each<[string, string, ConfigProblem]>([
    [
      "wrong type",
      "labels: 3",
      { path: "labels", message: "expected a mapping (`key: value` lines) (got `3`)" },
    ],
    [
      "list expected",
      "statuses: open",
      { path: "statuses", message: "expected a list (`- item` lines) (got `open`)" },
    ],
    [
      "boolean expected",
      "severities: [{ name: X, freeze: yes }]",
      {
        path: "severities[0].freeze",
        message: "expected `true` or `false` (got `yes`)",
      },
    ],
    [
      "empty value",
      "severities: [{ name: }]",
      { path: "severities[0].name", message: "expected text (got an empty value)" },
    ],
    [
      "missing required",
      "escalation: [{ when: unresolved, notify: [primary] }]",
      {
        path: "escalation[0].after",
        message: "is required",
      },
    ],
    [
      "missing required enum",
      "escalation: [{ after: 1h, notify: [primary] }]",
      {
        path: "escalation[0].when",
        message: "is required",
      },
    ],
    [
      "bad duration",
      "severities: [{ name: X, ack: soon }]",
      {
        path: "severities[0].ack",
        message: "expected a duration such as 5m, 1h, 2d or 1w (got `soon`)",
      },
    ],
    [
      "number for a duration",
      "severities: [{ name: X, ack: 5 }]",
      {
        path: "severities[0].ack",
        message: "expected a duration such as 5m, 1h, 2d or 1w (got `5`)",
      },
    ],
    [
      "zero duration",
      "recentChanges: { window: 0m }",
      {
        path: "recentChanges.window",
        message: "expected a duration such as 5m, 1h, 2d or 1w (got `0m`)",
      },
    ],
    [
      "enum with a guess",
      "permissions: { commands: [MEMBERS] }",
      {
        path: "permissions.commands[0]",
        message:
          "expected one of `OWNER`, `MEMBER`, `COLLABORATOR`, `CONTRIBUTOR`, `FIRST_TIME_CONTRIBUTOR`, `FIRST_TIMER`, " +
          "`MANNEQUIN`, `NONE`; did you mean `MEMBER`? (got `MEMBERS`)",
      },
    ],
    [
      "unknown top-level option",
      "severites: []",
      { path: "severites", message: "unknown option; did you mean `severities`?" },
    ],
    [
      "unknown nested option",
      "labels: { incidnet: x }",
      { path: "labels.incidnet", message: "unknown option; did you mean `incident`?" },
    ],
    [
      "unknown option without a guess",
      "recentChanges: { zzz: 1 }",
      {
        path: "recentChanges.zzz",
        message: "unknown option; known options here: `window`",
      },
    ],
    [
      "unknown option in a map entry",
      "services: { 'my api': { runbok: x } }",
      {
        path: 'services["my api"].runbok',
        message: "unknown option; did you mean `runbook`?",
      },
    ],
    [
      "too few statuses",
      "statuses: [monitoring]",
      { path: "statuses", message: "needs at least 2 entries (got 1)" },
    ],
    ["no severities", "severities: []", { path: "severities", message: "needs at least 1 entry (got 0)" }],
    [
      "empty name",
      "severities: [{ name: '' }]",
      { path: "severities[0].name", message: "must not be empty" },
    ],
    [
      "bad user",
      "onCall: { primary: ['@@x'] }",
      {
        path: "onCall.primary[0]",
        message: "expected a GitHub user (`@alice`) or team (`@org/team`) (got `@@x`)",
      },
    ],
    [
      "bad escalation target",
      "escalation: [{ after: 1h, when: unresolved, notify: [the boss] }]",
      {
        path: "escalation[0].notify[0]",
        message:
          "expected a user (`@alice`), a team (`@org/team`), `primary` or `secondary` (got `the boss`)",
      },
    ],
    [
      "bad URL",
      "runbooks: [{ match: db, url: wiki/db }]",
      {
        path: "runbooks[0].url",
        message: "expected a URL such as https://wiki.example.com/runbooks/db (got `wiki/db`)",
      },
    ],
    [
      "bad date-time",
      "onCall: { rotation: { users: [a], start: monday } }",
      {
        path: "onCall.rotation.start",
        message: "expected a date and time with a zone, such as 2026-02-03T09:00:00Z (got `monday`)",
      },
    ],
    [
      "bad colour",
      "severities: [{ name: X, color: '#ff0000' }]",
      {
        path: "severities[0].color",
        message: "expected a 6-digit hex colour without `#` (got `#ff0000`)",
      },
    ],
    [
      "bad time zone",
      "timeZone: Mars/Olympus",
      {
        path: "timeZone",
        message:
          "expected an IANA time zone such as UTC, Europe/Berlin or America/New_York (got `Mars/Olympus`)",
      },
    ],
  ])("%s", (_name, text, problem) => {
    expect(problems(`${text}\n`)).toEqual([problem]);
  });

  it("reports every field problem at once", () => {
    expect(problems("labels: 3\ntimeZone: Nowhere\nseverites: []\n").map((problem) => problem.path)).toEqual([
      "labels",
      "timeZone",
      "severites",
    ]);
  });
});

describe("parseConfigText: checks across fields", () => {
  const severities =
    "severities:\n  - name: SEV-1\n    aliases: [P0, sev-1]\n  - name: SEV-2\n    aliases: [P1]\n";

  it.each<[string, string, ConfigProblem[]]>([
    [
      "severity names are unique, ignoring case",
      `${severities}  - name: sev-2\n`,
      [
        {
          path: "severities[2].name",
          message: "`sev-2` is already the name of `severities[1]`; names must be unique",
        },
      ],
    ],
    [
      "an alias may not name another severity",
      `${severities}  - name: SEV-3\n    aliases: [p1, SEV-1]\n`,
      [
        {
          path: "severities[2].aliases[0]",
          message: "`p1` is already an alias of `SEV-2`; a word can mean one severity only",
        },
        {
          path: "severities[2].aliases[1]",
          message: "`SEV-1` is already the name of `severities[0]`; a word can mean one severity only",
        },
      ],
    ],
    [
      "defaultSeverity names a severity",
      `${severities}defaultSeverity: P1\n`,
      [
        {
          path: "defaultSeverity",
          message: "expected the name of a severity: `SEV-1`, `SEV-2`; did you mean `SEV-2`? (got `P1`)",
        },
      ],
    ],
    [
      "autoEscalation names severities",
      `${severities}autoEscalation: [{ from: SEV-3, to: SEV-1, after: 1h }]\n`,
      [
        {
          path: "autoEscalation[0].from",
          message: "expected the name of a severity: `SEV-1`, `SEV-2` (got `SEV-3`)",
        },
      ],
    ],
    [
      "autoEscalation raises severity",
      `${severities}autoEscalation: [{ from: SEV-1, to: SEV-2, after: 1h }]\n`,
      [
        {
          path: "autoEscalation[0].to",
          message:
            "must be more severe than `from` (`SEV-1`); severities are listed most severe first (got `SEV-2`)",
        },
      ],
    ],
    [
      "mitigatedStatus is one of the statuses",
      "statuses: [open, closed]\n",
      [
        {
          path: "mitigatedStatus",
          message: "expected one of `statuses`: `open`, `closed` (got `monitoring`)",
        },
      ],
    ],
    [
      "statuses are unique",
      "statuses: [open, monitoring, Open]\n",
      [{ path: "statuses[2]", message: "`Open` is already `statuses[0]`; statuses must be unique" }],
    ],
  ])("%s", (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("allows an alias that repeats its own severity's name", () => {
    expect(config(severities).severities[0]?.aliases).toEqual(["P0", "sev-1"]);
  });
});

describe("parseConfigText: the error hash", () => {
  it("is the same for the same problems and differs for others", () => {
    const hash = (text: string) => {
      const result = parseConfigText(text, FILE);
      return result.ok ? null : result.error.hash;
    };
    expect(hash("timeZone: Nowhere\n")).toMatch(/^[0-9a-f]{40}$/);
    expect(hash("timeZone: Nowhere\n")).toBe(hash("# edited\ntimeZone: Nowhere\n"));
    expect(hash("timeZone: Nowhere\n")).not.toBe(hash("timeZone: Elsewhere\n"));
  });
});
