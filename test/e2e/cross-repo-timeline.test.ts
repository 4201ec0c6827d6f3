import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";
import { ACME, type OrganisationWorld, startServicesWorld } from "../support/organisation-world.js";
import { deployedToProduction, requestNames as names } from "../support/sim-code.js";

/**
 * Organisation mode (§13): the incident in `acme/incidents` shows its code in the services'
 * repositories as a single-repository incident shows its own: the hotfix branch there, the
 * pull requests from it and the deployments made during the incident, read with the other
 * repositories in one batched document. A hotfix branch or a revert already there is
 * reported, never made twice, and a freeze check GitHub refuses there is told on the incident.
 */
const HOTFIX = "hotfix/inc-20260203-001";

const { incidents, search, api } = ACME;
let world: OrganisationWorld;
let harness: Harness;
let alice: Octokit;
let deployer: Octokit;
let incident = 0;
let early = "";
let during = "";

const at = (hhmm: string) => world.at(hhmm);
const deployed = async (where: typeof search) => (await deployedToProduction(deployer, where)).sha;
const pull = (where: typeof search, branch: string, path: string, merge: boolean) =>
  world.pull(where, { branch, path, merge });
const comments = (number = incident) => world.comments(incidents, number);
const say = (body: string, number = incident) => world.say(number, body);
const timeline = (number = incident) => world.timeline(number);

beforeAll(async () => {
  world = await startServicesWorld({ members: ["alice", "deployer"] });
  ({ harness, alice } = world);
  const { sim } = harness;
  deployer = sim.as("deployer");
  at("13:05");
  early = await deployed(search);
  await pull(search, "tune-scoring", "src/tune.ts", true); // search-service #1
  at("14:25");
  // Impact started 14:23 (the form): this deployment belongs on the timeline, 13:05's does not.
  during = await deployed(search);
  await sim.settle();
  at("14:30");
  incident = world.declare(incidents, "Search down", FORM_BODY);
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
    frozen = world.declare(
      incidents,
      "API down",
      FORM_BODY.replace("SEV-2", "SEV-1").replace("\nsearch\n", "\napi\n"),
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
