import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { formBody } from "../support/history-builder.js";
import { type OrganisationWorld, startOrganisationWorld, type Where } from "../support/organisation-world.js";
import { requestNames as names } from "../support/sim-code.js";

/**
 * Organisation mode across repositories (§13): incidents in `acme/incidents`, code in
 * `acme/search-service` and `acme/api`. Suspects are read from the affected services'
 * repositories, a freezing incident freezes their pull requests, ids are unique across
 * the repositories, and an incident declared in a code repository moves to the
 * incidents repository with its timeline.
 */
const CONFIG = `organisation:
  repository: acme/incidents
services:
  search:
    repository: acme/search-service
    paths: ["src/search/**"]
  api:
    repository: acme/api
  ghost:
    repository: acme/not-installed
`;
const MOVING = `${CONFIG.replace("repository: acme/incidents", "repository: acme/incidents\n  moveIncidents: true")}`;
const incidents = { owner: "acme", repo: "incidents" };
const search = { owner: "acme", repo: "search-service" };
const api = { owner: "acme", repo: "api" };
let world: OrganisationWorld;
let harness: Harness;
let alice: Octokit;

const at = (hhmm: string) => world.at(hhmm);
const form = (severity: string, services: string, started = "2026-02-03 14:23") =>
  formBody({ severity, services, started });
const pull = (where: Where, branch: string, path: string, merge: boolean) =>
  world.pull(where, { branch, path, merge });
/** What the app asked of GitHub while `act` ran and everything settled. */
const requestsOf = (act: () => unknown) => world.requestsOf(act);
const declare = async (where: Where, title: string, body: string) => world.declare(where, title, body);
const comments = (where: Where, number: number) => world.comments(where, number);

async function freezeCheck(where: Where, ref: string) {
  const { data } = await alice.rest.checks.listForRef({ ...where, ref, check_name: "incident-freeze" });
  const [latest] = data.check_runs.sort((a, b) => b.id - a.id);
  return latest ? { conclusion: latest.conclusion, title: latest.output.title } : null;
}

beforeAll(async () => {
  world = await startOrganisationWorld({
    members: ["alice", "bob", "carol"],
    config: CONFIG,
    repos: [
      {
        name: "search-service",
        config: CONFIG,
        files: { ".github/CODEOWNERS": "src/search/ @bob\ndocs/ @carol\n", "src/search/a.ts": "1\n" },
      },
      { name: "api", config: CONFIG, files: { "a.txt": "a\n" } },
      // Private and without the app: every batched read names it, and GitHub answers the others.
      { name: "not-installed", private: true, installed: false, files: { "a.txt": "a\n" } },
      { name: "web", config: MOVING, files: { "w.txt": "w\n" } },
    ],
  });
  ({ harness, alice } = world);
}, 120_000);
afterAll(() => harness.close());

describe("suspects across repositories", () => {
  it("lists the affected service's merges with its paths and code owners, read in one batched document", async () => {
    at("13:30");
    await pull(search, "tune-scoring", "src/search/score.ts", true); // search-service #1: a suspect
    await pull(search, "docs-typo", "docs/readme.md", true); // #2: outside the service's paths
    await pull(api, "api-change", "b.txt", true); // api #1: api is not affected
    at("13:40");
    const { data: deployment } = await alice.rest.repos.createDeployment({
      ...search,
      ref: "main",
      environment: "production",
      auto_merge: false,
      required_contexts: [],
    });
    if (!("id" in deployment)) throw new Error("no deployment");
    await alice.rest.repos.createDeploymentStatus({
      ...search,
      deployment_id: deployment.id,
      state: "success",
    });
    await harness.sim.settle();
    at("14:30");
    let number = 0;
    const requests = await requestsOf(async () => {
      number = await declare(incidents, "Search down", form("SEV-2", "search"));
    });
    // The config's `ghost` repository is warned about first (checked at load); then the declaration.
    const declaration = (await comments(incidents, number)).find((body) =>
      body.includes("incident-app:declaration"),
    );
    expect(declaration).toContain("acme/search-service#1");
    expect(declaration).toContain("code owners: `bob`");
    expect(declaration).toMatch(
      /Deployment in acme\/search-service to production of `[0-9a-f]{7}` · 13:40 \(success\)/,
    );
    expect(declaration).toContain("`/revert acme/search-service#PR`");
    expect(declaration).not.toContain("acme/search-service#2");
    expect(declaration).not.toContain("acme/api#1");
    // The other repositories cost one read for ids and suspects together, and one more
    // after the claim to verify the id across them.
    expect(names(requests).filter((name) => name === "IncidentElsewhere")).toHaveLength(2);
    expect(names(requests)).toEqual([
      "GET repos/get-content", // the config, first seen
      "ServiceRepositories", // its services' repositories, checked once per config load
      "IncidentHistory",
      "AddComment", // the warning: the config names acme/not-installed
      "IncidentElsewhere", // acme/search-service (ids, suspects) and acme/api (ids)
      "IncidentWrites",
      "IncidentElsewhere", // the id verified across both
    ]);
  });
});

describe("the merge freeze across repositories", () => {
  let incident = 0;
  const open: Record<string, { where: Where; ref: string }> = {};

  it("fails the affected repositories' pull requests, exempt ones passing, and writes only what changes", async () => {
    at("14:40");
    for (const [key, where, branch] of [
      ["search feature", search, "feature-a"],
      ["search hotfix", search, "hotfix/inc-20260203-009"],
      ["search revert", search, "revert-1-tune-scoring"],
      ["api feature", api, "feature-b"],
    ] as const) {
      await pull(where, branch, `src/search/${branch.replaceAll("/", "-")}.ts`, false);
      open[key] = { where, ref: branch };
    }
    // Before any freeze every pull request carries a passing check, so it can be required.
    expect(await freezeCheck(search, "feature-a")).toEqual({
      conclusion: "success",
      title: "No merge freeze",
    });

    at("14:45");
    const requests = await requestsOf(async () => {
      incident = await declare(incidents, "Search and API down", form("SEV-1", "search, api"));
    });
    const failing = { conclusion: "failure", title: "Merges frozen by INC-20260203-002" };
    expect(await freezeCheck(search, "feature-a")).toEqual(failing);
    expect(await freezeCheck(api, "feature-b")).toEqual(failing);
    expect((await freezeCheck(search, "hotfix/inc-20260203-009"))?.conclusion).toBe("success");
    expect((await freezeCheck(search, "revert-1-tune-scoring"))?.conclusion).toBe("success");
    // Two checks change (the feature pull requests); the exempt ones already say so.
    const checkWrites = names(requests).filter((name) => name.startsWith("PATCH checks/"));
    expect(checkWrites).toHaveLength(2);
    expect(names(requests).filter((name) => name === "IncidentElsewhere")).toHaveLength(2);
  });

  it("finds the freezing incident in the incidents repository for a pull request opened meanwhile", async () => {
    at("14:50");
    const requests = await requestsOf(() => pull(api, "feature-c", "c.txt", false));
    expect(await freezeCheck(api, "feature-c")).toEqual({
      conclusion: "failure",
      title: "Merges frozen by INC-20260203-002",
    });
    // The incidents repository's freezing incidents come in the pull request's own read.
    expect(names(requests)).toEqual(["PullRequestContext", "POST checks/create"]);
  });

  it("does not freeze a repository no affected service lives in", async () => {
    expect(await freezeCheck({ owner: "acme", repo: "web" }, "main")).toBeNull();
  });

  it("lifts the freeze everywhere on resolve", async () => {
    at("15:30");
    await requestsOf(() =>
      alice.rest.issues.createComment({ ...incidents, issue_number: incident, body: "/resolve fixed" }),
    );
    for (const ref of ["feature-a"]) expect((await freezeCheck(search, ref))?.conclusion).toBe("success");
    for (const ref of ["feature-b", "feature-c"]) {
      expect(await freezeCheck(api, ref)).toEqual({ conclusion: "success", title: "No merge freeze" });
    }
    // A later event has nothing left to lift: the other repositories are read only for the
    // timeline (their deployments and hotfix branch, one document), and no check is written.
    const later = await requestsOf(() =>
      alice.rest.issues.createComment({ ...incidents, issue_number: incident, body: "/note all green" }),
    );
    expect(names(later).filter((name) => name === "IncidentElsewhere")).toHaveLength(1);
    expect(names(later).some((name) => name.includes("checks"))).toBe(false);
  });
});

describe("ids unique across the organisation", () => {
  const title = async (where: Where, number: number) =>
    (await alice.rest.issues.get({ ...where, issue_number: number })).data.title;

  it("continues the day's sequence across the incidents and services' repositories", async () => {
    at("16:00");
    const a = await declare(search, "Ranking off", form("SEV-3", "search", "2026-02-03 15:50"));
    await harness.sim.settle();
    const b = await declare(api, "Slow API", form("SEV-3", "api", "2026-02-03 15:55"));
    await harness.sim.settle();
    expect(await title(search, a)).toBe("[INC-20260203-003] Ranking off");
    expect(await title(api, b)).toBe("[INC-20260203-004] Slow API");
  });

  it("gives two declarations racing in two repositories distinct ids", async () => {
    at("16:30");
    // Both deliveries at once, each request answered after the same delay: both read the
    // day's incidents before either claims, so both claim INC-20260203-005.
    harness.sim.deliveryMode = "concurrent";
    harness.sim.setLatency({ perRequestMs: 100, perGraphqlKbMs: 0, freeKb: 1024, jitterMs: 0, seed: 1 });
    let a = 0;
    let b = 0;
    const requests = await requestsOf(async () => {
      a = await declare(search, "Index stale", form("SEV-3", "search", "2026-02-03 16:20"));
      b = await declare(api, "Errors up", form("SEV-3", "api", "2026-02-03 16:20"));
    });
    harness.sim.setLatency(null);
    harness.sim.deliveryMode = "serial";
    await harness.sim.settle();
    const ids = [await title(search, a), await title(api, b)].map((t) => t.slice(1, 17));
    expect(new Set(ids).size).toBe(2);
    // The race happened: both claimed INC-20260203-005, both verified after both claims and
    // saw the clash, so both moved, in the order both agree on (same second: by repository).
    expect(ids).toEqual(["INC-20260203-007", "INC-20260203-006"]);
    const count = (name: string) => names(requests).filter((n) => n === name).length;
    // Each: the history, the other repositories, the claim, its check across them, the
    // move, its check: six requests, three of them the batched read of the other repositories;
    // plus, on each new incident, the warning that the config names `acme/not-installed`.
    expect([count("IncidentHistory"), count("IncidentWrites"), count("IncidentElsewhere")]).toEqual([
      2, 4, 6,
    ]);
    expect(count("AddComment")).toBe(2);
    expect(requests).toHaveLength(14);
  });
});

describe("moving an incident to the incidents repository", () => {
  const web = { owner: "acme", repo: "web" };

  it("moves a declared incident with its timeline and leaves a closed pointer behind", async () => {
    at("17:00");
    let number = 0;
    const requests = await requestsOf(async () => {
      number = await declare(web, "Web checkout broken", form("SEV-3", "", "2026-02-03 16:55"));
    });
    // GitHub redirects the old address; the simulator answers it with the moved issue.
    const { data: moved } = await alice.rest.issues.get({ ...web, issue_number: number });
    expect(moved.repository_url).toMatch(/\/repos\/acme\/incidents$/);
    expect(moved.title).toMatch(/^\[INC-20260203-008\] Web checkout broken$/);
    expect(moved.state).toBe("open");
    const bodies = await comments(incidents, moved.number);
    expect(bodies.some((body) => body.includes("incident-app:timeline"))).toBe(true);
    expect(bodies.some((body) => body.includes("incident-app:declaration"))).toBe(true);
    // The pointer: a closed issue where the incident was, linking its new address.
    const { data: left } = await alice.rest.issues.listForRepo({ ...web, state: "closed" });
    expect(left.map((issue) => issue.title)).toEqual(["[INC-20260203-008] moved to acme/incidents"]);
    expect(left[0]?.body).toContain(`acme/incidents#${moved.number}`);
    expect(names(requests)).toEqual([
      "GET repos/get-content",
      "ServiceRepositories", // the config's repositories checked once per config load
      "IncidentHistory",
      "AddComment", // the warning: the config names acme/not-installed
      "IncidentElsewhere", // the day's ids in acme/incidents, acme/search-service, acme/api
      "IncidentWrites", // declared: id, labels, declaration and timeline comments
      "IncidentElsewhere", // the id verified across them
      "MoveTarget",
      "TransferIssue",
      "POST issues/create", // the pointer, created open by GitHub…
      "PATCH issues/update", // …and closed
      "IncidentHistory", // its `issues.opened` in acme/incidents: nothing left to do
    ]);
  });

  it("keeps its timeline working in its new home", async () => {
    at("17:05");
    const { data: found } = await alice.rest.issues.listForRepo({
      ...incidents,
      labels: "incident",
      per_page: 100,
    });
    const moved = found.find((issue) => issue.title.includes("Web checkout broken"));
    expect(moved).toBeDefined();
    const number = moved?.number ?? 0;
    await requestsOf(() =>
      alice.rest.issues.createComment({
        ...incidents,
        issue_number: number,
        body: "/note rolled back the CDN",
      }),
    );
    const timeline = (await comments(incidents, number)).find((body) =>
      body.includes("incident-app:timeline"),
    );
    expect(timeline).toContain("rolled back the CDN");
    expect(timeline).toContain("Declared");
  });
});
