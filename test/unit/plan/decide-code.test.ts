import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideIncident } from "../../../src/features/incident/decide-incident.js";
import type { OpenPullFact } from "../../../src/kernel/history.js";
import type { Write } from "../../../src/kernel/plan.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { applyToBuilder } from "../../support/apply-to-builder.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, pullFact, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const now = new Date("2026-02-03T15:20:00Z");
const decide = (builder: HistoryBuilder) =>
  decideIncident({
    history: builder.history,
    config,
    botLogin: BOT,
    formTemplate: readFormTemplate(),
    now,
    checkLabels: false,
  });

/** A declared incident whose declaration writes are done: deciding again plans nothing. */
function declared(): HistoryBuilder {
  const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
  applyToBuilder(builder, decide(builder).plan, "2026-02-03T14:23:01Z");
  expect(decide(builder).plan).toEqual([]);
  return builder;
}

/** Applies what was decided, then checks that deciding again plans nothing. */
function settle(builder: HistoryBuilder, at: string): void {
  applyToBuilder(builder, decide(builder).plan, at);
}

const kinds = (plan: Write[]) => plan.map((write) => write.kind);
const only = <K extends Write["kind"]>(plan: Write[], kind: K) =>
  plan.filter((write): write is Extract<Write, { kind: K }> => write.kind === kind);

describe("/hotfix", () => {
  it("creates the branch from the default branch head and answers with a compare link", () => {
    const builder = declared().comment("/hotfix", "2026-02-03T14:41:00Z", user("dave"));
    const { plan } = decide(builder);
    expect(kinds(plan)).toEqual(["react", "create-branch"]);
    const [branch] = only(plan, "create-branch");
    expect(branch).toMatchObject({ branch: "hotfix/inc-20260203-001", from: { sha: "a".repeat(40) } });
    expect(branch?.reply?.body).toContain("compare/main...hotfix/inc-20260203-001");
    expect(branch?.failure.key).toMatch(/^hotfix:\d+:1$/);
  });

  it("keeps the branch on the timeline after it is deleted on merge", () => {
    const builder = declared().comment("/hotfix", "2026-02-03T14:41:00Z", user("dave"));
    const [created] = only(decide(builder).plan, "create-branch");
    builder.comment(created?.reply?.body ?? "", "2026-02-03T14:41:01Z", bot);
    const { state } = decide(builder);
    expect(builder.history.code.branches?.hotfix).toBeNull();
    expect(state.entries.find((entry) => entry.kind === "hotfix")?.text).toBe(
      "Hotfix branch `hotfix/inc-20260203-001` created from `main`",
    );
  });

  it("reports an existing branch instead of creating it again", () => {
    const builder = declared().comment("/hotfix", "2026-02-03T14:41:00Z", user("dave"));
    builder.history.code.branches = {
      hotfix: { name: "hotfix/inc-20260203-001", oid: "b".repeat(40) },
      pir: null,
    };
    const { plan } = decide(builder);
    expect(kinds(plan)).toEqual(["react", "add-comment", "update-comment"]);
    expect(only(plan, "add-comment")[0]?.body).toContain("already exists (at `bbbbbbb`)");
    settle(builder, "2026-02-03T14:41:02Z");
    expect(decide(builder).plan).toEqual([]);
  });

  it("answers as created when its own branch exists but the answer was lost", () => {
    const builder = declared().comment("/hotfix", "2026-02-03T14:41:00Z", user("dave"));
    builder.history.code.branches = {
      hotfix: { name: "hotfix/inc-20260203-001", oid: "a".repeat(40) },
      pir: null,
    };
    const { plan } = decide(builder);
    expect(kinds(plan)).not.toContain("create-branch");
    expect(only(plan, "add-comment")[0]?.body).toContain("compare/main...hotfix/inc-20260203-001");
    expect(only(plan, "add-comment")[0]?.body).not.toContain("already exists");
  });

  it("branches from the last successful production deployment, or says there is none", () => {
    const builder = declared().comment("/hotfix from deployed", "2026-02-03T14:41:00Z", user("dave"));
    expect(only(decide(builder).plan, "add-comment")[0]?.body).toContain(
      "No successful deployment to `production`",
    );
    builder.history.code.deployments = [
      {
        id: 9,
        sha: "c".repeat(40),
        environment: "production",
        ref: "main",
        createdAt: new Date("2026-02-03T14:15:00Z"),
        creator: "dave",
        description: null,
        statuses: [{ state: "SUCCESS", at: new Date("2026-02-03T14:15:00Z"), by: "dave", description: null }],
      },
    ];
    const fresh = declared().comment("/hotfix from deployed", "2026-02-03T14:41:00Z", user("dave"));
    fresh.history.code.deployments = builder.history.code.deployments;
    expect(only(decide(fresh).plan, "create-branch")[0]?.from).toEqual({ sha: "c".repeat(40) });
  });
});

describe("/revert", () => {
  it("opens a revert whose body names the incident and the command", () => {
    const builder = declared().comment("/revert #7", "2026-02-03T14:35:00Z", user("dave"), {
      databaseId: 70,
    });
    const [revert] = only(decide(builder).plan, "revert-pull");
    expect(revert?.pr).toBe(7);
    expect(revert?.body).toContain("<!-- incident-app:revert issue=1 pr=7 source=70:1 -->");
    expect(revert?.body).toContain(
      "Reverts #7 for incident [INC-20260203-001](https://github.com/acme/shop/issues/1) (#1)",
    );
  });

  it("finds its revert by the marker and only answers as opened (the answer was lost; nothing opens twice)", () => {
    const builder = declared().comment("/revert #7", "2026-02-03T14:35:00Z", user("dave"), {
      databaseId: 70,
    });
    builder.mentionedBy(
      pullFact(9, {
        at: "2026-02-03T14:35:05Z",
        author: bot,
        headRefName: "revert-7-x",
        body: "<!-- incident-app:revert issue=1 pr=7 source=70:1 -->",
      }),
    );
    const { plan } = decide(builder);
    expect(kinds(plan)).not.toContain("revert-pull");
    expect(only(plan, "add-comment")[0]?.body).toContain("↩️ Opened #9 to revert #7.");
  });
});

describe("the merge freeze", () => {
  const open = (number: number, head: string, checks: OpenPullFact["freezeChecks"] = []): OpenPullFact => ({
    number,
    title: `PR ${number}`,
    url: `https://github.com/acme/shop/pull/${number}`,
    headRefName: head,
    baseRefName: "main",
    headSha: `${number}`.repeat(40).slice(0, 40),
    author: user("erin"),
    freezeChecks: checks,
  });

  it("follows SEV-1: the label, a failing check on open pull requests, a passing one on hotfixes", () => {
    const builder = declared();
    builder.history.code.openPulls = [
      open(2, "readme"),
      open(5, "hotfix/inc-20260203-001"),
      { ...open(3, "x"), baseRefName: "release" },
    ];
    builder.label("SEV-1", "2026-02-03T14:24:00Z", user("bob"));
    const { plan, state } = decide(builder);
    expect(state.freeze.active).toBe(true);
    expect(only(plan, "update-issue")[0]?.labels).toContain("incident: freeze");
    expect(only(plan, "set-check").map((w) => [w.pr, w.check.conclusion, w.check.title])).toEqual([
      [2, "failure", "Merges frozen by INC-20260203-001"],
      [5, "success", "Exempt from merge freezes (hotfix pull request)"],
    ]);
    expect(only(plan, "set-check")[0]?.check.summary).toContain(
      "[INC-20260203-001](https://github.com/acme/shop/issues/1)",
    );
  });

  it("is lifted by /freeze off: the app's failing checks turn green, others' checks are left alone", () => {
    const builder = declared().comment("/freeze on", "2026-02-03T14:29:00Z", user("bob"));
    settle(builder, "2026-02-03T14:29:01Z");
    builder.history.code.openPulls = [
      open(2, "readme", [
        {
          id: 44,
          nodeId: "CR_44",
          app: "incident-bot",
          conclusion: "FAILURE",
          title: "Merges frozen by INC-20260203-001",
        },
      ]),
      open(6, "other", [{ id: 45, nodeId: "CR_45", app: "someone-else", conclusion: "FAILURE", title: "x" }]),
    ];
    builder.comment("/freeze off", "2026-02-03T14:50:00Z", user("bob"));
    const { plan, state } = decide(builder);
    expect(state.freeze.active).toBe(false);
    expect(only(plan, "set-check").map((w) => [w.pr, w.checkRun?.id ?? null, w.check.conclusion])).toEqual([
      [2, 44, "success"],
    ]);
    expect(state.entries.filter((e) => e.kind === "freeze").map((e) => e.text)).toEqual([
      "Merge freeze **on** (turned on by hand)",
      "Merge freeze **lifted** (turned off by hand)",
    ]);
  });

  it("keeps checks failing while another incident freezes merges", () => {
    const builder = declared();
    builder.history.code.freezing = [
      { number: 9, title: "[INC-20260203-002] DB down", url: "https://github.com/acme/shop/issues/9" },
    ];
    builder.history.code.openPulls = [open(2, "readme")];
    expect(only(decide(builder).plan, "set-check")[0]?.check).toMatchObject({
      conclusion: "failure",
      title: "Merges frozen by INC-20260203-002",
    });
  });
});

describe("the post-incident review", () => {
  it("opens on resolution of a SEV-2: branch, file, pull request with IC and roles as reviewers", () => {
    const builder = declared()
      .comment("/ack", "2026-02-03T14:25:00Z", user("bob"))
      .comment("/lead @dave", "2026-02-03T14:28:00Z", user("bob"))
      .comment("/resolve fixed", "2026-02-03T15:10:00Z", user("bob"));
    const { plan } = decide(builder);
    expect(kinds(plan).filter((k) => ["create-branch", "put-file", "create-pull"].includes(k))).toEqual([
      "create-branch",
      "put-file",
      "create-pull",
    ]);
    expect(only(plan, "put-file")[0]).toMatchObject({
      branch: "pir/inc-20260203-001",
      path: "docs/incidents/INC-20260203-001.md",
      sha: null,
    });
    const [pull] = only(plan, "create-pull");
    expect(pull).toMatchObject({
      head: "pir/inc-20260203-001",
      base: "main",
      reviewers: ["bob", "dave"],
      teamReviewers: [],
    });
    expect(pull?.body).toContain("<!-- incident-app:pir issue=1 id=INC-20260203-001 -->");
    expect(pull?.reply?.body).toContain("Due **2026-02-05 15:10 UTC**");
  });

  it("is not opened on resolution of a SEV-3, but /pir opens it", () => {
    const builder = declared()
      .comment("/severity SEV-3", "2026-02-03T14:25:00Z", user("bob"))
      .comment("/resolve fixed", "2026-02-03T15:10:00Z", user("bob"));
    expect(kinds(decide(builder).plan)).not.toContain("create-pull");
    builder.comment("/pir", "2026-02-03T15:12:00Z", user("bob"));
    expect(kinds(decide(builder).plan)).toContain("create-pull");
  });
});
