import type { RequestLogEntry } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";

/**
 * Organisation mode, deployments: `/rollback acme/search-service` creates a production
 * deployment of the last commit deployed there successfully before impact started (the
 * CD, here `deployer`, performs it), and its statuses reach the incident in
 * `acme/incidents`. `/hotfix … from deployed` branches from what is deployed, and a bare
 * `/hotfix` or `/rollback` picks the only affected service's repository.
 */
const CONFIG = `services:
  search:
    repository: acme/search-service
  api:
    repository: acme/api
  ghost:
    repository: acme/not-installed
  legacy:
    repository: acme/legacy
`;
const search = { owner: "acme", repo: "search-service" };
const api = { owner: "acme", repo: "api" };
const incidents = { owner: "acme", repo: "incidents" };
let harness: Harness;
let alice: Octokit;
let deployer: Octokit;
let incident = 0;
let good = "";
let bad = "";

const at = (hhmm: string) => harness.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));
const names = (requests: RequestLogEntry[]) =>
  requests.map((entry) => entry.graphql ?? `${entry.method} ${entry.operation}`);

/** A production deployment the CD made and finished, of the default branch's head. */
async function deployed(where: typeof search): Promise<{ id: number; sha: string }> {
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
  return deployment;
}

async function comments(number: number) {
  const { data } = await alice.rest.issues.listComments({
    ...incidents,
    issue_number: number,
    per_page: 100,
  });
  return data;
}

/** The reply to a command, and what the app asked of GitHub while answering it. */
async function say(body: string, number = incident): Promise<{ reply: string; requests: RequestLogEntry[] }> {
  const before = harness.sim.appRequests().length;
  await alice.rest.issues.createComment({ ...incidents, issue_number: number, body });
  await harness.sim.settle();
  const requests = harness.sim.appRequests().slice(before);
  return { reply: (await comments(number)).at(-1)?.body ?? "", requests };
}

async function timeline(number = incident): Promise<string> {
  const found = (await comments(number)).find((c) => c.body?.includes("incident-app:timeline"));
  return found?.body ?? "";
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
  sim.createRepo({ owner: "acme", name: "legacy", archived: true, files: { "a.txt": "a\n" } });
  sim.createRepo({ owner: "acme", name: "not-installed", private: true, files: { "a.txt": "a\n" } });
  await sim.installApp("acme", ["incidents", "search-service", "api", "legacy"]);
  alice = sim.as("alice");
  deployer = sim.as("deployer");
  at("13:05");
  good = (await deployed(search)).sha;
  at("14:00");
  sim.commitFile({ owner: "acme", name: "search-service" }, "src/score.ts", "s2\n");
  at("14:24");
  bad = (await deployed(search)).sha;
  await sim.settle();
  at("14:30");
  // Impact started 14:23 (the form): the 14:24 deployment is after it, so 13:05's commit is the good one.
  incident = sim.fileIssueForm(
    "alice",
    { owner: "acme", name: "incidents" },
    { title: "Search down", body: FORM_BODY, labels: ["incident"] },
  );
  await sim.settle();
}, 120_000);
afterAll(() => harness.close());

describe("/rollback in a service's repository", () => {
  let deploymentId = 0;

  it("deploys again the last commit that succeeded before impact, with a payload naming the incident", async () => {
    expect(good).not.toBe(bad);
    at("14:35");
    const { reply, requests } = await say("/rollback acme/search-service");
    const { data: list } = await alice.rest.repos.listDeployments({ ...search, environment: "production" });
    const [created] = list;
    if (!created) throw new Error("no deployment");
    deploymentId = created.id;
    expect(created.sha).toBe(good);
    expect(created.creator?.login).toBe("incident-bot[bot]");
    expect(created.payload).toEqual({
      incident: {
        repository: "acme/incidents",
        number: incident,
        id: "INC-20260203-001",
        url: `https://github.com/acme/incidents/issues/${incident}`,
      },
      source: expect.stringMatching(/^\d+:1$/),
    });
    expect(reply).toContain(
      `🔁 Rolling back \`acme/search-service\`: created deployment ${created.id} to \`production\` of [\`${good.slice(0, 7)}\`](https://github.com/acme/search-service/commit/${good})`,
    );
    expect(reply).toContain("before impact started (at 2026-02-03 13:05 UTC)");
    // History, the service's code (deployments, hotfix branch: its first event naming the
    // repository), 👀, the deployments read, the deployment, the reply; then the timeline,
    // which now also shows the service's deployment made during the incident.
    expect(names(requests)).toEqual([
      "IncidentHistory",
      "IncidentElsewhere",
      "IncidentWrites",
      "DeployedCommits",
      "POST repos/create-deployment",
      "AddComment",
      "IncidentWrites",
      "IncidentWrites",
    ]);
    expect(await timeline()).toContain(
      `Deployment of \`acme/search-service\` to production succeeded (\`${bad.slice(0, 7)}\`)`,
    );
    const log = harness.sim.log.findLast((entry) => entry.operation === "repos/create-deployment");
    expect(log?.body).toMatchObject({
      ref: good,
      environment: "production",
      auto_merge: false,
      required_contexts: [],
    });
    expect(await timeline()).toMatch(
      new RegExp(
        `🔁 Rollback of \`acme/search-service\` to \`${good.slice(0, 7)}\` requested \\(deployment ${created.id}\\)`,
      ),
    );
  });

  it("puts each status the CD reports on the incident, for one read and one write each", async () => {
    at("14:36");
    const before = harness.sim.appRequests().length;
    await deployer.rest.repos.createDeploymentStatus({
      ...search,
      deployment_id: deploymentId,
      state: "in_progress",
    });
    await harness.sim.settle();
    const made = harness.sim.appRequests().slice(before);
    expect(names(made)).toEqual(["IncidentHistory", "IncidentElsewhere", "IncidentWrites"]);
    const reply = (await comments(incident)).find((c) => c.body?.includes("Rolling back"))?.body ?? "";
    expect(reply).toContain("Progress (UTC): in progress 14:36");
    expect(await timeline()).toContain(
      `🔁 Rollback of \`acme/search-service\` to \`${good.slice(0, 7)}\`: in progress`,
    );
  });

  it("starts no second rollback while one is in progress", async () => {
    at("14:37");
    const { reply, requests } = await say("/rollback acme/search-service");
    expect(reply).toContain(
      `A rollback of \`acme/search-service\` for this incident is already in progress: deployment ${deploymentId} of \`${good.slice(0, 7)}\` (in progress).`,
    );
    expect(names(requests)).not.toContain("POST repos/create-deployment");
  });

  it("records success, and a redelivered status changes nothing", async () => {
    at("14:40");
    await deployer.rest.repos.createDeploymentStatus({
      ...search,
      deployment_id: deploymentId,
      state: "success",
    });
    await harness.sim.settle();
    const reply = (await comments(incident)).find((c) => c.body?.includes("Rolling back"))?.body ?? "";
    expect(reply).toContain("Progress (UTC): in progress 14:36 → success 14:40");
    expect(await timeline()).toContain(
      `🔁 Rollback of \`acme/search-service\` to \`${good.slice(0, 7)}\`: success`,
    );
    const delivery = harness.sim.deliveries.filter((d) => d.event === "deployment_status").at(-1);
    if (!delivery) throw new Error("no delivery");
    const before = harness.sim.appRequests().length;
    await harness.sim.redeliver(delivery.id);
    await harness.sim.settle();
    expect(names(harness.sim.appRequests().slice(before))).toEqual(["IncidentHistory", "IncidentElsewhere"]);
  });

  it("names the repository and what to type when it cannot", async () => {
    at("14:41");
    expect((await say("/rollback acme/billing")).reply).toContain(
      "Could not roll back in `acme/billing`: it is not the repository of any service in `.github/incident.yml`.",
    );
    expect((await say("/rollback acme/not-installed")).reply).toContain(
      "Could not roll back `acme/not-installed`: the app cannot see `acme/not-installed`: it does not exist, or the app is not installed on it",
    );
    expect((await say("/rollback acme/legacy")).reply).toContain(
      "`acme/legacy` is archived, so nothing can be deployed there",
    );
    expect((await say("/rollback acme/api")).reply).toContain(
      "`acme/api` has no successful deployment to `production` created before impact started (2026-02-03 14:23 UTC)",
    );
    expect((await say("/rollback acme/api now")).reply).toContain("nothing after the repository");
  });
});

describe("/hotfix from deployed, and bare commands, in a service's repository", () => {
  it("branches from the commit of the last successful production deployment there", async () => {
    at("14:45");
    const { sha } = await deployed(api);
    await harness.sim.settle();
    const { reply, requests } = await say("/hotfix acme/api from deployed");
    expect(reply).toContain(
      `🌿 Created the hotfix branch \`acme/api:hotfix/inc-20260203-001\` from the last successful deployment to \`production\` (\`${sha.slice(0, 7)}\`, deployed 2026-02-03 14:45 UTC).`,
    );
    const { data: branch } = await alice.rest.git.getRef({ ...api, ref: "heads/hotfix/inc-20260203-001" });
    expect(branch.object.sha).toBe(sha);
    expect(names(requests).slice(0, 6)).toEqual([
      "IncidentHistory",
      "IncidentElsewhere",
      "IncidentWrites",
      "DeployedCommits",
      "POST git/create-ref",
      "AddComment",
    ]);
  });

  it("a bare /hotfix picks the only affected service's repository", async () => {
    at("14:46");
    const { reply } = await say("/hotfix");
    expect(reply).toContain(
      "🌿 Created the hotfix branch `acme/search-service:hotfix/inc-20260203-001` from the default branch of `acme/search-service`.",
    );
    await alice.rest.git.getRef({ ...search, ref: "heads/hotfix/inc-20260203-001" });
  });

  it("with several affected services, a bare /hotfix or /rollback asks which", async () => {
    at("14:50");
    const second = harness.sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "incidents" },
      {
        title: "Search and API down",
        body: FORM_BODY.replace("\nsearch\n", "\nsearch, api\n"),
        labels: ["incident"],
      },
    );
    await harness.sim.settle();
    for (const command of ["hotfix", "rollback"]) {
      const { reply, requests } = await say(`/${command}`, second);
      expect(reply).toContain(
        `Which repository? This incident affects services in \`acme/search-service\`, \`acme/api\`: name one, for example \`/${command} acme/search-service\`.`,
      );
      // The affected services' code is read for the timeline: one document for both.
      expect(names(requests).slice(0, 3)).toEqual(["IncidentHistory", "IncidentElsewhere", "IncidentWrites"]);
    }
  });
});

describe("the services' repositories, checked when the config is loaded", () => {
  it("names the one the app cannot see and the archived one, once, and reads them in one request per load", async () => {
    const warnings = (await comments(incident)).filter((c) =>
      c.body?.includes("Incident configuration: repositories the app cannot use"),
    );
    expect(warnings).toHaveLength(1);
    const body = warnings[0]?.body ?? "";
    expect(body).toContain(
      "- `services.ghost.repository`: `acme/not-installed` does not exist, or the app is not installed on it",
    );
    expect(body).toContain("- `services.legacy.repository`: `acme/legacy` is archived (read-only)");
    expect(body).not.toContain("acme/search-service");
    // The config of acme/incidents is loaded once (then cached by its blob id): one check, not one per event.
    const checks = harness.sim.appRequests().filter((entry) => entry.graphql === "ServiceRepositories");
    expect(checks).toHaveLength(1);
  });
});
