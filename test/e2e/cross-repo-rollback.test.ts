import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";
import { ACME, type OrganisationWorld, startServicesWorld } from "../support/organisation-world.js";
import { deployedToProduction, requestNames as names } from "../support/sim-code.js";

/**
 * Organisation mode, deployments: `/rollback acme/search-service` creates a production
 * deployment of the last commit deployed there successfully before impact started (the
 * CD, here `deployer`, performs it), and its statuses reach the incident in
 * `acme/incidents`. `/hotfix … from deployed` branches from what is deployed, and a bare
 * `/hotfix` or `/rollback` picks the only affected service's repository.
 */
const { incidents, search, api } = ACME;
let world: OrganisationWorld;
let harness: Harness;
let alice: Octokit;
let deployer: Octokit;
let incident = 0;
let good = "";
let bad = "";

const at = (hhmm: string) => world.at(hhmm);
/** A production deployment the CD made and finished, of the default branch's head. */
const deployed = (where: typeof search) => deployedToProduction(deployer, where);
const comments = (number: number) => world.comments(incidents, number);
/** The reply to a command, and what the app asked of GitHub while answering it. */
const say = (body: string, number = incident) => world.say(number, body);
const timeline = (number = incident) => world.timeline(number);

beforeAll(async () => {
  world = await startServicesWorld({
    members: ["alice", "deployer"],
    more: {
      ghost: { name: "not-installed", private: true, installed: false, files: { "a.txt": "a\n" } },
      legacy: { name: "legacy", archived: true, files: { "a.txt": "a\n" } },
    },
  });
  ({ harness, alice } = world);
  const { sim } = harness;
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
  incident = world.declare(incidents, "Search down", FORM_BODY);
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
    const made = await world.requestsOf(() =>
      deployer.rest.repos.createDeploymentStatus({
        ...search,
        deployment_id: deploymentId,
        state: "in_progress",
      }),
    );
    expect(names(made)).toEqual(["IncidentHistory", "IncidentElsewhere", "IncidentWrites"]);
    const reply = (await comments(incident)).find((body) => body.includes("Rolling back")) ?? "";
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
    const reply = (await comments(incident)).find((body) => body.includes("Rolling back")) ?? "";
    expect(reply).toContain("Progress (UTC): in progress 14:36 → success 14:40");
    expect(await timeline()).toContain(
      `🔁 Rollback of \`acme/search-service\` to \`${good.slice(0, 7)}\`: success`,
    );
    const delivery = harness.sim.deliveries.filter((d) => d.event === "deployment_status").at(-1);
    if (!delivery) throw new Error("no delivery");
    const redelivered = await world.requestsOf(() => harness.sim.redeliver(delivery.id));
    expect(names(redelivered)).toEqual(["IncidentHistory", "IncidentElsewhere"]);
  });

  it("names the repository and what to type when it cannot", async () => {
    at("14:41");
    await world.expectReplies(incident, [
      [
        "/rollback acme/billing",
        "Could not roll back in `acme/billing`: it is not the repository of any service in `.github/incident.yml`.",
      ],
      [
        "/rollback acme/not-installed",
        "Could not roll back `acme/not-installed`: the app cannot see `acme/not-installed`: it does not exist, or the app is not installed on it",
      ],
      ["/rollback acme/legacy", "`acme/legacy` is archived, so nothing can be deployed there"],
      [
        "/rollback acme/api",
        "`acme/api` has no successful deployment to `production` created before impact started (2026-02-03 14:23 UTC)",
      ],
      ["/rollback acme/api now", "nothing after the repository"],
    ]);
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
    const second = world.declare(
      incidents,
      "Search and API down",
      FORM_BODY.replace("\nsearch\n", "\nsearch, api\n"),
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
    const warnings = (await comments(incident)).filter((body) =>
      body.includes("Incident configuration: repositories the app cannot use"),
    );
    expect(warnings).toHaveLength(1);
    const body = warnings[0] ?? "";
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
