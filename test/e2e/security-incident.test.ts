import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChatReceiver, startChatReceiver } from "@incident-app/github-simulator";
import { afterEach, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report-command.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { type Harness, startHarness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";

/**
 * Security incidents never stay public (§13): marked in a public repository, the issue
 * moves to the private security repository before the app writes anything else, and
 * nothing reaches the status page, a public chat target, a review file or a report in
 * a public repository. Without a private repository, the app says so once.
 */
const SECURITY_FORM = FORM_BODY.replace("- [ ] This is a security", "- [x] This is a security");
const TARGETS = `onCall:
  primary: [alice]
notifications:
  targets:
    ops: { type: slack, urlFrom: OPS_URL }
    community: { type: slack, urlFrom: COMMUNITY_URL, public: true }
statusPage:
  title: Acme status
`;

let h: Harness;
let chat: ChatReceiver;
afterEach(async () => {
  await h?.close();
  await chat?.close();
});

async function start(publicConfig: string) {
  chat = await startChatReceiver();
  const urls = { OPS_URL: chat.url("ops"), COMMUNITY_URL: chat.url("community") };
  h = await startHarness({ start: "2026-02-03T14:00:00Z", chat: { env: () => urls } });
  h.sim.createOrg("acme", ["alice", "bob"]);
  h.sim.createRepo({ owner: "acme", name: "search", files: { ".github/incident.yml": publicConfig } });
  h.sim.createRepo({
    owner: "acme",
    name: "security",
    private: true,
    files: { ".github/incident.yml": TARGETS },
  });
  await h.sim.installApp("acme", ["search", "security"]);
}

const alice = () => h.sim.as("alice");
const at = (hhmm: string) => h.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));

async function say(repo: string, number: number, body: string) {
  await alice().rest.issues.createComment({ owner: "acme", repo, issue_number: number, body });
  await h.settle();
}

async function appComments(repo: string, number: number): Promise<string[]> {
  const { data } = await alice().rest.issues.listComments({ owner: "acme", repo, issue_number: number });
  return data.filter((c) => c.user?.login === h.sim.botLogin).map((c) => c.body ?? "");
}

async function issuesIn(repo: string) {
  const { data } = await alice().rest.issues.listForRepo({ owner: "acme", repo, state: "all" });
  return data;
}

async function pullsIn(repo: string) {
  const { data } = await alice().rest.pulls.list({ owner: "acme", repo, state: "all" });
  return data;
}

/** alice files the incident form in the public `acme/search` at 14:23; its number, once all settled. */
async function fileInPublic(title: string, body = SECURITY_FORM): Promise<number> {
  at("14:23");
  const number = h.sim.fileIssueForm(
    "alice",
    { owner: "acme", name: "search" },
    { title, body, labels: ["incident"] },
  );
  await h.settle();
  return number;
}

describe("a security incident filed in a public repository with a private one configured", () => {
  it("moves before anything is written, and nothing public follows it", async () => {
    await start(`${TARGETS}security:\n  repository: acme/security\n`);
    const before = h.sim.appRequests().length;
    const number = await fileInPublic("Login tokens exposed");

    // In the public repository: the app read, then moved the issue; no other write there.
    const inPublic = h.sim
      .appRequests()
      .slice(before)
      .filter((entry) => entry.path.includes("/search/") || entry.graphql);
    const firstWrite = inPublic.find(
      (entry) => entry.graphql !== null && !/^(IncidentHistory|MoveTarget)$/.test(entry.graphql),
    );
    expect(firstWrite?.graphql).toBe("TransferIssue");
    expect(await issuesIn("search")).toEqual([]);
    const { data: redirected } = await alice().rest.issues.get({
      owner: "acme",
      repo: "search",
      issue_number: number,
    });
    expect(redirected.html_url).toContain("/acme/security/issues/");
    const moved = redirected.number;

    // In the private repository: declared there, and what was public is said once.
    expect(redirected.title).toBe("[INC-20260203-001] Login tokens exposed");
    const comments = await appComments("security", moved);
    expect(
      comments.filter((body) => body.includes("Moved here from the public repository `acme/search`")),
    ).toHaveLength(1);
    expect(comments.some((body) => body.includes("Incident declared"))).toBe(true);

    at("14:30");
    await say("security", moved, "/status public investigating We are looking into a login problem.");
    expect((await appComments("security", moved)).at(-1)).toContain(
      "not published: this is a security incident",
    );
    at("14:40");
    await say("security", moved, "/resolve tokens rotated");

    // Chat: the private target heard it, the public one nothing; the status page nothing.
    expect(JSON.stringify(chat.received("ops"))).toContain(
      "Security incident: details are shared with the responders only",
    );
    expect(JSON.stringify(chat.received("ops"))).not.toContain("food bank");
    expect(chat.received("community")).toEqual([]);
    expect(h.publisher.calls).toBe(0);
    // The review is opened in the private repository, never in the public one.
    expect(await pullsIn("search")).toEqual([]);
    expect((await pullsIn("security")).map((pull) => pull.head.ref)).toEqual(["pir/inc-20260203-001"]);

    // The public repository's report does not mention it.
    const dir = await mkdtemp(join(tmpdir(), "security-report-"));
    try {
      await runReport({
        octokit: alice(),
        repos: ["acme/search"],
        outDir: dir,
        now: new Date("2026-02-10T00:00:00Z"),
        window: { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-02-10T00:00:00Z") },
        config: ConfigSchema.parse({}),
        botLogin: h.sim.botLogin,
      });
      expect(await readFile(join(dir, "report.md"), "utf8")).not.toContain("INC-20260203-001");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("moves an incident marked later with /security, and says what was already public", async () => {
    await start(`${TARGETS}security:\n  repository: acme/security\n`);
    const number = await fileInPublic("Odd logins", FORM_BODY);
    at("14:25");
    await say("search", number, "/note seeing logins from unknown countries");
    at("14:30");
    await say("search", number, "/security");
    expect(await issuesIn("search")).toEqual([]);
    const { data } = await alice().rest.issues.get({ owner: "acme", repo: "search", issue_number: number });
    const moved = await appComments("security", data.number);
    const note = moved.find((body) => body.includes("Moved here from the public repository")) ?? "";
    expect(note).toContain("at 2026-02-03 14:30 UTC");
    expect(note).toContain("2 comments by people");
    expect(note).toMatch(/\d+ comments by the app/);
    const labels = data.labels.map((label) => (typeof label === "string" ? label : label.name));
    expect(labels).toContain("SEV-1");
    // Chat heard of it while it was an ordinary incident; the public target hears nothing from now on.
    const community = chat.received("community").length;
    at("14:35");
    await say("security", data.number, "/update rotating keys");
    expect(chat.received("community")).toHaveLength(community);
  });
});

describe("a security incident in a public repository without a private one", () => {
  it("says once what to do, and spreads nothing", async () => {
    await start(TARGETS);
    const number = await fileInPublic("Login tokens exposed");
    at("14:30");
    await say("search", number, "/status public investigating Looking into it.");
    at("14:40");
    await say("search", number, "/resolve rotated");
    const comments = await appComments("search", number);
    expect(comments.filter((body) => body.includes("set `security.repository: owner/name`"))).toHaveLength(1);
    expect(comments.some((body) => body.includes("No post-incident review was opened"))).toBe(true);
    expect(comments.join("\n")).not.toContain("food bank");
    expect(await pullsIn("search")).toEqual([]);
    expect(chat.received("community")).toEqual([]);
    expect(h.publisher.calls).toBe(0);
  });

  it("stays where it is when the move fails, says why once, and announces nothing", async () => {
    await start(`${TARGETS}security:\n  repository: acme/missing\n`);
    const number = await fileInPublic("Login tokens exposed");
    at("14:25");
    await say("search", number, "/note still here");
    const comments = await appComments("search", number);
    expect(
      comments.filter((body) => body.includes("Could not move this security incident to `acme/missing`")),
    ).toHaveLength(1);
    expect(comments.join("\n")).toContain("the app cannot see `acme/missing`");
    expect(chat.received("community")).toEqual([]);
    expect(h.publisher.calls).toBe(0);
  });
});
