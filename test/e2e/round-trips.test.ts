import type { RequestLogEntry } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG_INCIDENT_COMMANDS } from "../../scripts/bench/latency.js";
import { secondaryPoints } from "../../scripts/bench/points.js";
import { openPull, pushFile } from "../../scripts/demo/code-actions.js";
import { FORM, OWNER, PEOPLE, REPO } from "../../scripts/demo/scenario.js";
import { type IncidentFixture, startIncident } from "../support/incident-fixture.js";

/**
 * One read, one write (§2.6): every single-issue command is the history read and one
 * document of mutations, on a fresh incident and on one with more than a page of
 * history (the later pages come with the first), at most 6 secondary-limit points
 * (1 for the read, 5 for the write); declaring is at most 3 requests.
 */
let fx: IncidentFixture;
beforeAll(async () => {
  fx = await startIncident({ file: false });
}, 120_000);
afterAll(() => fx.close());

async function fileIncident(): Promise<{ number: number; declaring: RequestLogEntry[] }> {
  const mark = fx.sim.log.length;
  const number = fx.sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await fx.sim.settle();
  const made = fx.requestsSince(mark);
  const first = made.find((entry) => entry.graphql === "IncidentHistory");
  return { number, declaring: made.filter((entry) => entry.delivery === first?.delivery) };
}

/** The requests of the comment's own delivery. */
async function commandRequests(number: number, body: string): Promise<RequestLogEntry[]> {
  const { data } = await fx.sim
    .as(PEOPLE.bob)
    .rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
  await fx.sim.settle();
  const delivery = fx.sim.deliveries.find(
    (d) => d.event === "issue_comment" && (d.payload.comment as { id?: number }).id === data.id,
  );
  return fx.sim.appRequests().filter((entry) => entry.delivery === delivery?.id);
}

const names = (entries: RequestLogEntry[]) =>
  entries.map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`);

describe("requests per command", () => {
  it("declares in at most 3 requests: the read, the recurrence read elsewhere, one write", async () => {
    // The first event of the process reads the config file; later ones know its blob id.
    await fileIncident();
    const { declaring } = await fileIncident();
    expect(names(declaring)).toEqual(["IncidentHistory", "RecurrenceElsewhere", "IncidentWrites"]);
    expect(secondaryPoints(declaring).points).toBe(7);
  });

  it("answers each single-issue command on a fresh incident with one read and one write", async () => {
    const { number } = await fileIncident();
    for (const [label, body] of LONG_INCIDENT_COMMANDS) {
      const made = await commandRequests(number, body);
      expect([label, names(made)]).toEqual([label, ["IncidentHistory", "IncidentWrites"]]);
      expect([label, secondaryPoints(made).points]).toEqual([label, 6]);
    }
  });

  it("/status public: the site rides in the read, its commit (or new branch) in the incident's document", async () => {
    const { number } = await fileIncident();
    // The first publish: an orphan commit of the site's files (tree and commit by REST: GitHub
    // no longer takes git's empty tree), its branch made by `createRef` first in the one write.
    const first = await commandRequests(number, "/status public investigating We are looking into it.");
    expect(names(first)).toEqual([
      "IncidentHistory",
      "POST /repos/acme/search-service/git/trees",
      "POST /repos/acme/search-service/git/commits",
      "IncidentWrites",
    ]);
    expect(secondaryPoints(first).points).toBe(16);
    const query = String((first[3]?.body as { query?: string } | undefined)?.query);
    expect(query).toMatch(/^mutation IncidentWrites\([^)]*\) \{\s+site: createRef\(/);
    // The branch holds the site alone, none of the repository's own files.
    const bob = fx.sim.as(PEOPLE.bob).rest;
    const { data: ref } = await bob.git.getRef({ owner: OWNER, repo: REPO, ref: "heads/gh-pages" });
    const { data: commit } = await bob.git.getCommit({
      owner: OWNER,
      repo: REPO,
      commit_sha: ref.object.sha,
    });
    expect(commit.parents).toEqual([]);
    const { data: tree } = await bob.git.getTree({
      owner: OWNER,
      repo: REPO,
      tree_sha: commit.tree.sha,
      recursive: "1",
    });
    const paths = tree.tree.filter((entry) => entry.type === "blob").map((entry) => entry.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((path) => path?.startsWith("status/"))).toBe(true);

    // Later ones: the signed commit on the head the read saw goes first in the one write.
    const later = await commandRequests(number, "/status public identified A bad deploy.");
    expect(names(later)).toEqual(["IncidentHistory", "IncidentWrites"]);
    expect(secondaryPoints(later).points).toBe(6);
    const write = String((later[1]?.body as { query?: string } | undefined)?.query);
    expect(write).toMatch(/^mutation IncidentWrites\([^)]*\) \{\s+site: createCommitOnBranch\(/);
    const { data: moved } = await bob.git.getRef({ owner: OWNER, repo: REPO, ref: "heads/gh-pages" });
    const { data: next } = await bob.git.getCommit({
      owner: OWNER,
      repo: REPO,
      commit_sha: moved.object.sha,
    });
    expect(next.parents.map((parent) => parent.sha)).toEqual([ref.object.sha]);
    const { data: index } = await bob.repos.getContent({
      owner: OWNER,
      repo: REPO,
      path: "status/index.html",
      ref: "gh-pages",
    });
    expect(Buffer.from((index as { content: string }).content, "base64").toString("utf8")).toContain(
      "A bad deploy.",
    );
  });

  it("/severity SEV-1 with an open pull request: the freeze check rides in the one document", async () => {
    await pushFile(fx.sim, "erin", "readme-typo", "README.md", "# Search service\n", "Fix the README title");
    await openPull(fx.sim, "erin", "readme-typo", "Fix the README title", "Docs only.");
    await fx.sim.settle();
    const { number } = await fileIncident();
    const made = await commandRequests(number, "/severity SEV-1 wider impact");
    expect(names(made)).toEqual(["IncidentHistory", "IncidentWrites"]);
    const query = String((made[1]?.body as { query?: string } | undefined)?.query);
    expect(query).toMatch(/(createCheckRun|updateCheckRun)\(/);
  });

  it("and on an incident of more than 250 history items, once its declaration carries a checkpoint", async () => {
    const { number } = await fileIncident();
    // The notes reach GitHub without their webhooks; the first command after them reads them all.
    fx.sim.holdDeliveries(() => true);
    const carol = fx.sim.as(PEOPLE.carol);
    for (let i = 0; i < 250; i++)
      await carol.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: number,
        body: `note ${i}`,
      });
    fx.sim.holdDeliveries(() => false);
    // The first command after them finds no checkpoint that covers them: one read more,
    // and its write carries one in the declaration (history-checkpoint.test.ts).
    const first = await commandRequests(number, "/note first after the notes");
    expect(names(first)).toEqual(["IncidentHistory", "IncidentHistory", "IncidentWrites"]);
    for (const [label, body] of LONG_INCIDENT_COMMANDS) {
      const made = await commandRequests(number, body);
      expect([label, names(made)]).toEqual([label, ["IncidentHistory", "IncidentWrites"]]);
      expect([label, secondaryPoints(made).points]).toEqual([label, 6]);
    }
  });
});
