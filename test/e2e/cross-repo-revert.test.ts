import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";
import { ACME, type OrganisationWorld, startServicesWorld } from "../support/organisation-world.js";
import { pullWith, requestNames } from "../support/sim-code.js";

/**
 * Organisation mode: the incident lives in `acme/incidents`, the code in the services'
 * repositories. `/revert acme/search-service#1` reverts there, for the cost of a revert
 * in the incident's own repository.
 */
const { incidents, search: code } = ACME;
let world: OrganisationWorld;
let harness: Harness;
let alice: Octokit;
let incident = 0;
let local = 0;

const at = (hhmm: string) => world.at(hhmm);
const merged = (where: typeof code, branch: string, path: string, text: string, merge = true) =>
  pullWith(alice, where, { branch, path, text, merge });
/** The reply to a command, and what the app asked of GitHub while answering it. */
const say = (body: string) => world.say(incident, body);
const timeline = () => world.timeline(incident);

beforeAll(async () => {
  world = await startServicesWorld({
    members: ["alice", "bob"],
    files: { "src/local.ts": "l1\n" },
    more: {
      // Private, so the app's installation cannot even read it.
      ghost: { name: "not-installed", private: true, installed: false, files: { "a.txt": "a\n" } },
    },
  });
  ({ harness, alice } = world);
  const { sim } = harness;
  await merged(code, "tune-scoring", "src/score.ts", "s2\n"); // search-service #1
  await merged(code, "wip", "src/wip.ts", "w\n", false); // search-service #2, open
  local = await merged(incidents, "local-change", "src/local.ts", "l2\n");
  await sim.settle();
  at("14:23");
  incident = world.declare(incidents, "Search down", FORM_BODY);
  await sim.settle();
}, 120_000);
afterAll(() => harness.close());

describe("/revert in a service's repository", () => {
  let localCost = 0;

  it("reverts in the incident's own repository first (the baseline)", async () => {
    at("14:30");
    const { reply, requests } = await say(`/revert #${local}`);
    expect(reply).toMatch(new RegExp(`↩️ Opened #\\d+ to revert #${local}\\.`));
    localCost = requests.length;
    // The pull request's node id came with the incident's read: no read of its own. The
    // incident's service lives in acme/search-service, whose code its timeline shows.
    expect(requestNames(requests)).toEqual([
      "IncidentHistory",
      "IncidentElsewhere",
      "IncidentWrites",
      "RevertPullRequest",
      "AddComment",
      "IncidentWrites",
    ]);
  });

  // The revert's cross-reference puts it on the timeline, as in the baseline: one read extra.
  it("opens the revert in the service's repository, linking the incident, for no more than one read extra", async () => {
    at("14:31");
    const { reply, requests } = await say("/revert acme/search-service#1");
    expect(reply).toContain("↩️ Opened acme/search-service#3 to revert acme/search-service#1.");
    const { data: pull } = await alice.rest.pulls.get({ ...code, pull_number: 3 });
    expect(pull.head.ref).toBe("revert-1-tune-scoring");
    expect(pull.body).toContain("(acme/incidents#");
    expect(requests.length).toBeLessThanOrEqual(localCost + 1);
    expect(requestNames(requests)).toEqual([
      "IncidentHistory",
      // The service's code, for the timeline (and a revert already there): the one read extra.
      "IncidentElsewhere",
      // The 👀 reaction, as a batched document.
      "IncidentWrites",
      "RevertTarget",
      "RevertPullRequest",
      "AddComment",
      // The timeline, now showing the revert opened in acme/search-service.
      "IncidentWrites",
    ]);
    expect(await timeline()).toContain(
      "Revert PR acme/search-service#3 (reverts acme/search-service#1) opened",
    );
  });

  it("shows the revert merged in the service's repository on the incident's timeline", async () => {
    at("14:34");
    const requests = await world.requestsOf(() => alice.rest.pulls.merge({ ...code, pull_number: 3 }));
    expect(await timeline()).toContain(
      "Revert PR acme/search-service#3 (reverts acme/search-service#1) merged",
    );
    // acme/search-service's config (its first event: read, then cached), the pull request's own
    // read there, then the incident's read and one write in acme/incidents.
    const names = requestNames(requests);
    expect(names.filter((name) => name !== "GET repos/get-content")).toEqual([
      "PullRequestContext",
      "IncidentHistory",
      "IncidentElsewhere",
      "IncidentWrites",
    ]);
    expect(names.length).toBeLessThanOrEqual(6);
  });

  it("takes the pull request's URL too", async () => {
    at("14:32");
    const { reply } = await say("/revert https://github.com/acme/search-service/pull/2");
    expect(reply).toContain("Could not revert acme/search-service#2: acme/search-service#2 is still open");
  });

  it("names the repository and what to type when it cannot", async () => {
    at("14:33");
    await world.expectReplies(incident, [
      [
        "/revert acme/billing#4",
        "Could not revert a pull request in `acme/billing`: it is not the repository of any service in `.github/incident.yml`. The services' repositories are `acme/search-service`, `acme/api`, `acme/not-installed`.",
      ],
      [
        "/revert acme/not-installed#1",
        "the app cannot see `acme/not-installed`: it does not exist, or the app is not installed on it",
      ],
      ["/revert acme/search-service#99", "there is no pull request #99 in `acme/search-service`"],
    ]);
  });
});

describe("/hotfix in a service's repository", () => {
  it("creates the incident's hotfix branch there, from its default branch or a ref", async () => {
    at("14:40");
    const { reply, requests } = await say("/hotfix acme/search-service");
    expect(reply).toContain(
      "🌿 Created the hotfix branch `acme/search-service:hotfix/inc-20260203-001` from the default branch of `acme/search-service`.",
    );
    expect(reply).toContain("(https://github.com/acme/search-service/compare/hotfix/inc-20260203-001)");
    const { data: main } = await alice.rest.git.getRef({ ...code, ref: "heads/main" });
    const { data: branch } = await alice.rest.git.getRef({ ...code, ref: "heads/hotfix/inc-20260203-001" });
    expect(branch.object.sha).toBe(main.object.sha);
    // History read, the service's code, 👀, resolve the default branch, create the ref, reply; then the timeline
    // only when time moved its clocks: a local `/hotfix` costs 5 (docs/code-response.md), this one extra read.
    const names = requestNames(requests);
    expect(names.slice(0, 6)).toEqual([
      "IncidentHistory",
      // The service's code (is the branch there already?), one batched document.
      "IncidentElsewhere",
      // The 👀 reaction, as a batched document.
      "IncidentWrites",
      "ResolveRef",
      "POST git/create-ref",
      "AddComment",
    ]);
    // Then the timeline, which now shows the hotfix branch created in the service's repository.
    expect(names.slice(6).every((name) => name === "IncidentWrites")).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(8);
    expect(await timeline()).toContain(
      "Hotfix branch `acme/search-service:hotfix/inc-20260203-001` created from the default branch of `acme/search-service`",
    );
  });

  it("names the repository and what to type when it cannot", async () => {
    at("14:41");
    await world.expectReplies(incident, [
      [
        "/hotfix acme/billing",
        "Could not create a hotfix branch in `acme/billing`: it is not the repository of any service",
      ],
      ["/hotfix acme/api from v9", "there is no branch, tag or commit named `v9` in `acme/api`"],
      [
        "/hotfix acme/api deployed",
        "`acme/api` has no successful deployment to `production` among its last 100, so there is nothing to branch from.",
      ],
      ["/hotfix acme/not-installed", "the app cannot see `acme/not-installed`"],
    ]);
  });
});
