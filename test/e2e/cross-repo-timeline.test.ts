import type { RequestLogEntry } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";

/**
 * Organisation mode (§13): the incident in `acme/incidents` shows its code in the services'
 * repositories as a single-repository incident shows its own: the hotfix branch there, the
 * pull requests from it and the deployments made during the incident, read with the other
 * repositories in one batched document. A hotfix branch or a revert already there is
 * reported, never made twice, and a freeze check GitHub refuses there is told on the incident.
 */
const CONFIG = `services:
  search:
    repository: acme/search-service
  api:
    repository: acme/api
`;
const incidents = { owner: "acme", repo: "incidents" };
const search = { owner: "acme", repo: "search-service" };
const api = { owner: "acme", repo: "api" };
const HOTFIX = "hotfix/inc-20260203-001";

let harness: Harness;
let alice: Octokit;
let deployer: Octokit;
let incident = 0;
let early = "";
let during = "";

const at = (hhmm: string) => harness.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));
const names = (requests: RequestLogEntry[]) =>
  requests.map((entry) => entry.graphql ?? `${entry.method} ${entry.operation}`);

async function deployed(where: typeof search): Promise<string> {
  const { data } = await deployer.rest.repos.createDeployment({
    ...where,
    ref: "main",
    environment: "production",
  });
  const deployment = data as { id: number; sha: string };
  await deployer.rest.repos.createDeploymentStatus({
    ...where,
    deployment_id: deployment.id,
    state: "success",
  });
  return deployment.sha;
}

async function pull(where: typeof search, head: string, path: string, merge: boolean): Promise<number> {
  const { data: main } = await alice.rest.git.getRef({ ...where, ref: "heads/main" });
  await alice.rest.git
    .createRef({ ...where, ref: `refs/heads/${head}`, sha: main.object.sha })
    .catch(() => null);
  await alice.rest.repos.createOrUpdateFileContents({
    ...where,
    path,
    branch: head,
    message: path,
    content: Buffer.from(`${head}\n`).toString("base64"),
  });
  const { data } = await alice.rest.pulls.create({ ...where, head, base: "main", title: head });
  if (merge) await alice.rest.pulls.merge({ ...where, pull_number: data.number });
  await harness.sim.settle();
  return data.number;
}

async function comments(number = incident): Promise<string[]> {
  const { data } = await alice.rest.issues.listComments({
    ...incidents,
    issue_number: number,
    per_page: 100,
  });
  return data.map((comment) => comment.body ?? "");
}

async function say(body: string, number = incident): Promise<{ reply: string; requests: RequestLogEntry[] }> {
  const before = harness.sim.appRequests().length;
  await alice.rest.issues.createComment({ ...incidents, issue_number: number, body });
  await harness.sim.settle();
  return { reply: (await comments(number)).at(-1) ?? "", requests: harness.sim.appRequests().slice(before) };
}

async function timeline(number = incident): Promise<string> {
  return (await comments(number)).find((body) => body.includes("incident-app:timeline")) ?? "";
}

beforeAll(async () => {
  harness = await startHarness({ start: "2026-02-03T13:00:00Z" });
  const { sim } = harness;
  sim.createOrg("acme", ["alice", "deployer"]);
  sim.createRepo({
    owner: "acme",
    name: "incidents",
    private: true,
    files: { ".github/incident.yml": CONFIG },
  });
  sim.createRepo({ owner: "acme", name: "search-service", files: { "src/score.ts": "s1\n" } });
  sim.createRepo({ owner: "acme", name: "api", files: { "a.txt": "a\n" } });
  await sim.installApp("acme", ["incidents", "search-service", "api"]);
  alice = sim.as("alice");
  deployer = sim.as("deployer");
  at("13:05");
  early = await deployed(search);
  await pull(search, "tune-scoring", "src/tune.ts", true); // search-service #1
  at("14:25");
  // Impact started 14:23 (the form): this deployment belongs on the timeline, 13:05's does not.
  during = await deployed(search);
  await sim.settle();
  at("14:30");
  incident = sim.fileIssueForm(
    "alice",
    { owner: "acme", name: "incidents" },
    { title: "Search down", body: FORM_BODY, labels: ["incident"] },
  );
  await sim.settle();
}, 120_000);
afterAll(() => harness.close());

describe("the incident's timeline across repositories", () => {
  it("shows the service's deployments made during the incident, named with their repository", async () => {
    at("14:31");
    const { requests } = await say("/note looking at search");
    const text = await timeline();
    expect(text).toContain(
      `Deployment of \`acme/search-service\` to production succeeded (\`${during.slice(0, 7)}\`)`,
    );
    expect(text).not.toContain(early.slice(0, 7));
    // The incident's read, the service's code in one batched document, the note's writes.
    expect(names(requests).slice(0, 2)).toEqual(["IncidentHistory", "IncidentElsewhere"]);
    expect(names(requests).filter((name) => name === "IncidentElsewhere")).toHaveLength(1);
  });

  it("shows the hotfix branch created there, and its pull requests without a mention", async () => {
    at("14:35");
    const { reply } = await say("/hotfix acme/search-service");
    expect(reply).toContain(`🌿 Created the hotfix branch \`acme/search-service:${HOTFIX}\``);
    expect(await timeline()).toContain(
      `Hotfix branch \`acme/search-service:${HOTFIX}\` created from the default branch of \`acme/search-service\``,
    );
    at("14:40");
    const number = await pull(search, HOTFIX, "src/fix.ts", false);
    await say("/note fix is up");
    expect(await timeline()).toContain(`Hotfix PR acme/search-service#${number} opened`);
  });

  it("reports the hotfix branch that already exists there instead of creating it again", async () => {
    at("14:41");
    const { data: branch } = await alice.rest.git.getRef({ ...search, ref: `heads/${HOTFIX}` });
    const { reply, requests } = await say("/hotfix acme/search-service");
    expect(reply).toContain(
      `🌿 The hotfix branch \`acme/search-service:${HOTFIX}\` already exists (at \`${branch.object.sha.slice(0, 7)}\`). [Compare](https://github.com/acme/search-service/compare/${HOTFIX})`,
    );
    expect(reply).not.toContain("Created");
    // Known from the batched read: no ref resolved, no branch created.
    expect(names(requests)).not.toContain("ResolveRef");
    expect(names(requests)).not.toContain("POST git/create-ref");
    expect(names(requests).slice(0, 3)).toEqual(["IncidentHistory", "IncidentElsewhere", "IncidentWrites"]);
    expect(requests.length).toBeLessThanOrEqual(4);
  });
});

describe("a revert already there", () => {
  let revert = "";

  it("is named instead of a second one, with its repository", async () => {
    at("14:45");
    const opened = await say("/revert acme/search-service#1");
    const match = /Opened (acme\/search-service#\d+) to revert acme\/search-service#1/.exec(opened.reply);
    expect(match).not.toBeNull();
    revert = match?.[1] ?? "";
    at("14:46");
    const { reply, requests } = await say("/revert acme/search-service#1");
    expect(reply).toContain(`↩️ acme/search-service#1 is reverted by ${revert} (open).`);
    expect(names(requests)).not.toContain("RevertTarget");
    expect(names(requests)).not.toContain("RevertPullRequest");
    const { data: pulls } = await alice.rest.pulls.list({ ...search, state: "all" });
    expect(pulls.filter((p) => p.head.ref.startsWith("revert-1-"))).toHaveLength(1);
  });

  it("says it is merged once it is", async () => {
    at("14:50");
    await alice.rest.pulls.merge({ ...search, pull_number: Number(revert.split("#")[1]) });
    await harness.sim.settle();
    const { reply } = await say("/revert https://github.com/acme/search-service/pull/1");
    expect(reply).toContain(`↩️ acme/search-service#1 is reverted by ${revert} (merged).`);
  });
});

describe("a freeze check GitHub refuses in another repository", () => {
  let frozen = 0;
  let feature = 0;

  it("is told on the incident, once, naming the repository and the pull request", async () => {
    at("15:00");
    feature = await pull(api, "feature-b", "b.txt", false);
    harness.sim.archiveRepo({ owner: "acme", name: "api" });
    frozen = harness.sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "incidents" },
      {
        title: "API down",
        body: FORM_BODY.replace("SEV-2", "SEV-1").replace("\nsearch\n", "\napi\n"),
        labels: ["incident"],
      },
    );
    await harness.sim.settle();
    const told = (await comments(frozen)).filter((body) =>
      body.includes("Could not set the `incident-freeze` check"),
    );
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(
      `⚠️ Could not set the \`incident-freeze\` check on acme/api#${feature}: GitHub refused (403): Repository was archived so is read-only.`,
    );
  });

  it("is not written again for the same head, and a new head is tried again", async () => {
    at("15:05");
    const { requests } = await say("/note still down", frozen);
    expect(names(requests).some((name) => name.includes("checks/"))).toBe(false);
    expect((await comments(frozen)).filter((body) => body.includes("Could not set the"))).toHaveLength(1);
    // Unarchived and pushed to: the new head gets its check.
    harness.sim.archiveRepo({ owner: "acme", name: "api" }, false);
    await alice.rest.repos.createOrUpdateFileContents({
      ...api,
      path: "c.txt",
      branch: "feature-b",
      message: "c",
      content: Buffer.from("c\n").toString("base64"),
    });
    await harness.sim.settle();
    at("15:06");
    await say("/note retrying", frozen);
    const { data } = await alice.rest.checks.listForRef({
      ...api,
      ref: "feature-b",
      check_name: "incident-freeze",
    });
    expect(data.check_runs[0]?.conclusion).toBe("failure");
  });

  it("is retried, not told, when GitHub is only busy", async () => {
    at("15:10");
    let failed = 0;
    const faults = harness.sim.injectRequestFaults({
      seed: 1,
      rate: 1,
      mix: { "server-error": 1 },
      // The first write of a check run fails with a 5xx; everything else is answered.
      eligible: (request) =>
        request.auth === "installation" &&
        /check-runs/.test(request.path) &&
        request.method !== "GET" &&
        failed++ === 0,
    });
    const { requests } = await say("/freeze off", frozen);
    harness.sim.clearFaults();
    expect(faults.injected).toHaveLength(1);
    const { data } = await alice.rest.checks.listForRef({
      ...api,
      ref: "feature-b",
      check_name: "incident-freeze",
    });
    expect(data.check_runs[0]?.conclusion).toBe("success");
    expect((await comments(frozen)).filter((body) => body.includes("Could not set the"))).toHaveLength(1);
    // The run that met the 5xx is run again from a fresh read (the refused request is not logged): one check write.
    expect(names(requests).filter((name) => name === "IncidentHistory")).toHaveLength(2);
    expect(names(requests).filter((name) => name === "PATCH checks/update")).toHaveLength(1);
  });
});
