import type { RequestLogEntry } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";

/**
 * `incident-freeze` can be a required check: every pull request to the default branch
 * carries it from its first push, passing while nothing freezes; a freeze changing
 * writes only the checks whose conclusion or text change.
 */
const repo = { owner: "acme", repo: "shop" };
let harness: Harness;
let alice: Octokit;
const at = (hhmm: string) => harness.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));

async function push(name: string, path: string, text: string) {
  const { data } = await alice.rest.git.getRef({ ...repo, ref: "heads/main" });
  await alice.rest.git
    .createRef({ ...repo, ref: `refs/heads/${name}`, sha: data.object.sha })
    .catch(() => {});
  const current = await alice.rest.repos.getContent({ ...repo, path, ref: name }).catch(() => null);
  const sha = current && !Array.isArray(current.data) ? (current.data as { sha: string }).sha : undefined;
  await alice.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    branch: name,
    message: path,
    content: Buffer.from(text).toString("base64"),
    ...(sha ? { sha } : {}),
  });
}

async function open(name: string): Promise<number> {
  await push(name, `${name}.txt`, name);
  const { data } = await alice.rest.pulls.create({ ...repo, head: name, base: "main", title: name });
  return data.number;
}

async function check(pull: number): Promise<string[]> {
  const { data: pr } = await alice.rest.pulls.get({ ...repo, pull_number: pull });
  const { data } = await alice.rest.checks.listForRef({
    ...repo,
    ref: pr.head.sha,
    check_name: "incident-freeze",
  });
  return data.check_runs.map((run) => `${run.conclusion}: ${run.output.title}`);
}

/** What the app asked of GitHub while `act` ran and its webhooks settled. */
async function during(act: () => Promise<unknown>): Promise<RequestLogEntry[]> {
  const before = harness.sim.appRequests().length;
  await act();
  await harness.sim.settle();
  return harness.sim.appRequests().slice(before);
}

/** Check run writes: REST ones (a pull request's own event), and mutations in an incident's batched document. */
const checkWrites = (requests: RequestLogEntry[]): Array<"create" | "update"> =>
  requests.flatMap((entry) => {
    if (/check-runs/.test(entry.path) && entry.method !== "GET")
      return [entry.method === "PATCH" ? ("update" as const) : ("create" as const)];
    const query = String((entry.body as { query?: unknown } | null)?.query ?? "");
    return [...query.matchAll(/\b(createCheckRun|updateCheckRun)\(/g)].map((m) =>
      m[1] === "updateCheckRun" ? ("update" as const) : ("create" as const),
    );
  });

let feature = 0;
let other = 0;
let hotfix = 0;
const incidents: number[] = [];

beforeAll(async () => {
  harness = await startHarness({ start: "2026-02-03T13:00:00Z" });
  harness.sim.createOrg("acme", ["alice", "bob"]);
  harness.sim.createRepo({ owner: "acme", name: "shop", files: { "README.md": "shop\n" } });
  await harness.sim.installApp("acme", ["shop"]);
  alice = harness.sim.as("alice");
}, 120_000);
afterAll(() => harness.close());

describe("the incident-freeze check on every pull request", () => {
  it("passes on a pull request opened while nothing freezes: one read and one write", async () => {
    at("13:10");
    const requests = await during(async () => {
      feature = await open("feature");
    });
    expect(await check(feature)).toEqual(["success: No merge freeze"]);
    const reads = requests.filter((entry) => entry.graphql !== null);
    expect(reads).toHaveLength(1);
    expect(checkWrites(requests)).toHaveLength(1);
    // The config read (cold cache) aside, nothing else.
    expect(requests.filter((entry) => !entry.path.includes("incident.yml"))).toHaveLength(2);
  });

  it("follows each push with one read and one write", async () => {
    const requests = await during(() => push("feature", "feature.txt", "feature 2"));
    expect(await check(feature)).toEqual(["success: No merge freeze"]);
    expect(requests.map((entry) => entry.graphql ?? `${entry.method} ${entry.operation}`)).toEqual([
      "PullRequestContext",
      "POST checks/create",
    ]);
  });

  it("gives an exempt pull request the same text whatever freezes", async () => {
    other = await open("other");
    hotfix = await open("hotfix/inc-20260203-001");
    await harness.sim.settle();
    expect(await check(hotfix)).toEqual(["success: Exempt from merge freezes (hotfix pull request)"]);
  });

  it("on a freeze, writes only the checks that change: failing ones, never the exempt one", async () => {
    at("14:00");
    const first = await during(async () => {
      incidents[0] = harness.sim.fileIssueForm(
        "alice",
        { owner: "acme", name: "shop" },
        { title: "Shop down", body: FORM_BODY.replace("SEV-2", "SEV-1"), labels: ["incident"] },
      );
    });
    expect(await check(feature)).toEqual(["failure: Merges frozen by INC-20260203-001"]);
    expect(await check(other)).toEqual(["failure: Merges frozen by INC-20260203-001"]);
    expect(await check(hotfix)).toEqual(["success: Exempt from merge freezes (hotfix pull request)"]);
    expect(checkWrites(first)).toHaveLength(2);

    at("14:05");
    const second = await during(async () => {
      incidents[1] = harness.sim.fileIssueForm(
        "alice",
        { owner: "acme", name: "shop" },
        { title: "Payments down", body: FORM_BODY.replace("SEV-2", "SEV-1"), labels: ["incident"] },
      );
    });
    expect(await check(other)).toEqual(["failure: Merges frozen by INC-20260203-001, INC-20260203-002"]);
    // Two failing checks change their text; the exempt one stays as it is.
    expect(checkWrites(second)).toEqual(["update", "update"]);
  });

  it("on lifting one of two freezes, rewrites the failing texts; on lifting the last, turns them green", async () => {
    at("14:10");
    const one = await during(() =>
      alice.rest.issues.createComment({ ...repo, issue_number: incidents[0] as number, body: "/freeze off" }),
    );
    expect(await check(other)).toEqual(["failure: Merges frozen by INC-20260203-002"]);
    expect(checkWrites(one)).toHaveLength(2);
    at("14:15");
    const last = await during(() =>
      alice.rest.issues.createComment({ ...repo, issue_number: incidents[1] as number, body: "/freeze off" }),
    );
    expect(await check(feature)).toEqual(["success: No merge freeze"]);
    expect(await check(hotfix)).toEqual(["success: Exempt from merge freezes (hotfix pull request)"]);
    expect(checkWrites(last)).toHaveLength(2);
  });
});
