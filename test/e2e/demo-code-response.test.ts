import type { RequestLogEntry } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playDemo } from "../../scripts/demo/run-demo.js";
import { OWNER, REPO } from "../../scripts/demo/scenario.js";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * The demo incident end to end on the simulator: suspects, revert, hotfix, merge
 * freeze and the review pull request, with the requests each command cost; then
 * every webhook of it delivered again, which must change nothing.
 */
const repo = { owner: OWNER, repo: REPO };
let harness: Harness;
let issue: number;

beforeAll(async () => {
  harness = await startHarness();
  issue = (await playDemo(harness)).issue;
}, 120_000);
afterAll(() => harness.close());

const name = (entry: RequestLogEntry) =>
  entry.graphql ??
  `${entry.method} ${entry.path.replace(`/repos/${OWNER}/${REPO}`, "").replace(/\/check-runs\/\d+/, "/check-runs/:id")}`;

/** What the app asked while handling the comment whose body starts with `text`. */
function requestsFor(text: string): string[] {
  const delivery = harness.sim.deliveries.find(
    (d) =>
      d.event === "issue_comment" &&
      d.action === "created" &&
      String((d.payload.comment as { body: string }).body).startsWith(text),
  );
  return harness.sim
    .appRequests()
    .filter((entry) => entry.delivery === delivery?.id)
    .map(name);
}

async function state() {
  const alice = harness.sim.as("alice");
  const { data: refs } = await alice.rest.git.listMatchingRefs({ ...repo, ref: "heads/" });
  const { data: pulls } = await alice.rest.pulls.list({ ...repo, state: "all", per_page: 100 });
  const { data: comments } = await alice.rest.issues.listComments({
    ...repo,
    issue_number: issue,
    per_page: 100,
  });
  const checks = await Promise.all(
    pulls.map((pull) =>
      alice.rest.checks
        .listForRef({ ...repo, ref: pull.head.sha, filter: "all" })
        .then((r) => r.data.total_count),
    ),
  );
  return {
    refs: refs.map((ref) => ref.ref),
    pulls: pulls.map((pull) => pull.number),
    comments: comments.length,
    checks,
  };
}

describe("the demo's code response", () => {
  it("lists the suspect change in the declaration", async () => {
    const { data: comments } = await harness.sim
      .as("alice")
      .rest.issues.listComments({ ...repo, issue_number: issue });
    const declaration = comments.find((c) => c.body?.includes("incident-app:declaration"))?.body ?? "";
    expect(declaration).toContain(
      "- PR [#1](https://github.com/acme/search-service/pull/1) Tune search result scoring · merged 14:14 by `dave`",
    );
    expect(declaration).toContain("- Deployment to production of `");
    expect(declaration).toContain("Suggested responders (code owners of the changed paths): @dave, @erin.");
  });

  it("made one revert, one hotfix branch and one review pull request", async () => {
    const { data: pulls } = await harness.sim.as("alice").rest.pulls.list({ ...repo, state: "all" });
    expect(pulls.map((p) => [p.number, p.head.ref, p.merged_at !== null]).sort()).toEqual([
      [1, "tune-scoring", true],
      [2, "readme-typo", false],
      [4, "revert-1-tune-scoring", true],
      [5, "hotfix/inc-20260203-001", true],
      [6, "pir/inc-20260203-001", true],
    ]);
    const pir = pulls.find((p) => p.number === 6);
    expect(pir?.requested_reviewers?.map((u) => u.login)).toEqual(["bob", "dave", "carol"]);
  });

  it("froze the unrelated pull request and lifted the freeze on resolution", async () => {
    const alice = harness.sim.as("alice");
    const { data: pull } = await alice.rest.pulls.get({ ...repo, pull_number: 2 });
    const { data } = await alice.rest.checks.listForRef({
      ...repo,
      ref: pull.head.sha,
      check_name: "incident-freeze",
    });
    expect(data.check_runs.map((run) => [run.conclusion, run.output.title])).toEqual([
      ["success", "No merge freeze"],
    ]);
    // The label, the reaction, the check run and the timeline in one document.
    expect(requestsFor("Freezing merges")).toEqual(["IncidentHistory", "IncidentWrites"]);
  });

  it("wrote the review: every event with times, durations, the suspect, the revert and the hotfix", async () => {
    const { data } = await harness.sim.as("alice").rest.repos.getContent({
      ...repo,
      path: "docs/incidents/INC-20260203-001.md",
      ref: "main",
    });
    const text = Buffer.from((data as { content: string }).content, "base64").toString();
    expect(text).toContain("| **Duration** | 47m (14:23 – 15:10 UTC) |");
    expect(text).toContain("| Mitigate | 14:40 | 15m | 30m | ✅ met |");
    expect(text).toContain(
      "PR [#1](https://github.com/acme/search-service/pull/1) Tune search result scoring",
    );
    expect(text).toContain(
      "| revert of [#1](https://github.com/acme/search-service/pull/1) | 14:35 | merged 14:37 |",
    );
    expect(text).toContain("| hotfix | 14:44 | merged 14:52 | `dave` |");
    expect(text).toContain("| 14:41 | Hotfix branch `hotfix/inc-20260203-001` created from `main`");
    expect(text).toContain("**Technical:**\n\n- `src/search/scoring.ts` divided"); // dave's edit, kept by /pir
    for (const heading of [
      "Incident Summary",
      "Impact",
      "Timeline (UTC)",
      "Root Cause",
      "Five Whys",
      "What Went Well",
      "What Could Be Improved",
      "Action Items",
      "Lessons Learned",
      "Prevention Measures",
    ]) {
      expect(text).toContain(`\n## ${heading}\n`);
    }
  });

  it("recorded the merge of the review on the incident", async () => {
    const { data: comments } = await harness.sim
      .as("alice")
      .rest.issues.listComments({ ...repo, issue_number: issue });
    const timeline = comments.find((c) => c.body?.includes("incident-app:timeline"))?.body ?? "";
    expect(timeline).toContain("| 02-04 10:30 | Post-incident review PR #6 merged");
    expect(timeline).toContain(
      "Post-incident review [#6](https://github.com/acme/search-service/pull/6) merged **02-04 10:30**",
    );
  });

  it("cost few requests: /hotfix 4, /revert 5 (with a status change and a freeze check), the review on /resolve 4", () => {
    // Code writes go in the document; their replies (and review requests) need its answer, so they
    // go in the next one. The timeline then shows the new branch: one more document.
    expect(requestsFor("/hotfix")).toEqual([
      "IncidentHistory",
      "IncidentWrites",
      "IncidentWrites",
      "IncidentWrites",
    ]);
    // GitHub's revertPullRequest needs the pull request's id: it comes with the read (the comment
    // names the pull request), and the revert stays a write of its own.
    expect(requestsFor("/status mitigating Rollback initiated")).toEqual([
      "IncidentHistory",
      "IncidentWrites",
      "RevertPullRequest",
      "AddComment",
      "IncidentWrites",
    ]);
    // The check, the branch, the signed commit and the pull request in one document; the
    // review requests and the reply (which names the pull request) in the second.
    expect(requestsFor("/resolve")).toEqual([
      "IncidentHistory",
      "IncidentWrites",
      "IncidentWrites",
      "IncidentWrites",
    ]);
    expect(requestsFor("/pir")).toEqual(["IncidentHistory", "IncidentWrites", "IncidentWrites"]);
  });

  it("changes nothing when every webhook is delivered again", async () => {
    const { sim } = harness;
    const before = await state();
    const sent = sim.log.length;
    const originals = sim.deliveries.filter((d) => !d.redelivery).map((d) => d.id);
    for (const id of originals) await sim.redeliver(id);
    await sim.settle();
    expect(await state()).toEqual(before);
    const writes = sim.log
      .slice(sent)
      .filter(
        (entry) =>
          entry.auth === "installation" &&
          entry.method !== "GET" &&
          !/^(IncidentHistory|PullRequestContext|OpenIncidents|ActionItem|RecurrenceElsewhere)$/.test(
            entry.graphql ?? "",
          ),
      );
    expect(writes.map(name).filter((n) => !n.startsWith("POST /app/"))).toEqual([]);
    expect(sim.deliveries.filter((d) => d.redelivery && d.status !== 200)).toEqual([]);
  }, 120_000);
});
