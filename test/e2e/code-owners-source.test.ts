import type { RequestLogEntry } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * `services.<name>.codeOwners` (§13): a service's code owners come from its own source
 * (a list, or a CODEOWNERS-format file in its repository) instead of the repository's
 * `CODEOWNERS`, read in the same batched document as the service's suspects.
 */
const CONFIG = `organisation:
  repository: acme/incidents
services:
  search:
    repository: acme/platform
    paths: ["services/search/**"]
    codeOwners: services/search/CODEOWNERS
  api:
    repository: acme/platform
    paths: ["services/api/**"]
    codeOwners: ["@acme/api-team", "@dave"]
  web:
    repository: acme/web
  ghost:
    repository: acme/platform
    paths: ["services/ghost/**"]
    codeOwners: services/ghost/CODEOWNERS
`;
const platform = { owner: "acme", repo: "platform" };
const web = { owner: "acme", repo: "web" };
const incidents = { owner: "acme", repo: "incidents" };
type Where = typeof platform;

let harness: Harness;
let alice: Octokit;
const at = (hhmm: string) => harness.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));
const names = (requests: RequestLogEntry[]) =>
  requests.map((entry) => entry.graphql ?? `${entry.method} ${entry.operation}`);

function form(services: string): string {
  return [
    "### Severity",
    "SEV-2",
    "### What is broken / user impact",
    "Search returns nothing.",
    "### Affected services",
    services,
    "### When it started",
    "2026-02-03 14:23",
    "### How it was detected",
    "Automated alert",
    "### Links",
    "_No response_",
  ].join("\n\n");
}

async function merged(where: Where, name: string, path: string): Promise<void> {
  const { data: main } = await alice.rest.git.getRef({ ...where, ref: "heads/main" });
  await alice.rest.git.createRef({ ...where, ref: `refs/heads/${name}`, sha: main.object.sha });
  await alice.rest.repos.createOrUpdateFileContents({
    ...where,
    path,
    branch: name,
    message: path,
    content: Buffer.from(`${name}\n`).toString("base64"),
  });
  const { data } = await alice.rest.pulls.create({ ...where, head: name, base: "main", title: name });
  await alice.rest.pulls.merge({ ...where, pull_number: data.number });
  await harness.sim.settle();
}

async function declaration(where: Where, services: string): Promise<{ body: string; requests: string[] }> {
  const before = harness.sim.appRequests().length;
  const number = harness.sim.fileIssueForm(
    "alice",
    { owner: where.owner, name: where.repo },
    { title: "Search down", body: form(services), labels: ["incident"] },
  );
  await harness.sim.settle();
  const requests = names(harness.sim.appRequests().slice(before));
  const { data } = await alice.rest.issues.listComments({ ...where, issue_number: number });
  return { body: data.find((c) => c.body?.includes("incident-app:declaration"))?.body ?? "", requests };
}

beforeAll(async () => {
  harness = await startHarness({ start: "2026-02-03T13:00:00Z" });
  const { sim } = harness;
  sim.createOrg("acme", ["alice", "bob", "carol", "dave"]);
  const config = { ".github/incident.yml": CONFIG };
  sim.createRepo({ owner: "acme", name: "incidents", private: true, files: config });
  sim.createRepo({
    owner: "acme",
    name: "platform",
    files: {
      ...config,
      // The repository's own CODEOWNERS: what the services' sources replace.
      ".github/CODEOWNERS": "* @carol\n",
      "services/search/CODEOWNERS": "*.ts @bob\n",
      "services/search/a.ts": "1\n",
    },
  });
  sim.createRepo({ owner: "acme", name: "web", files: { ...config, ".github/CODEOWNERS": "* @carol\n" } });
  await sim.installApp("acme", ["incidents", "platform", "web"]);
  alice = sim.as("alice");
  at("13:30");
  await merged(platform, "tune-scoring", "services/search/score.ts"); // platform #1
  await merged(platform, "api-limits", "services/api/limits.go"); // platform #2
  await merged(platform, "ghost-change", "services/ghost/x.ts"); // platform #3
  await merged(web, "web-change", "app.js"); // web #1
}, 120_000);
afterAll(() => harness.close());

describe("a service's code owners source", () => {
  it("takes each service's owners from its file or its list, else the repository's CODEOWNERS, in one batched read", async () => {
    at("14:30");
    const { body, requests } = await declaration(incidents, "search, api, web, ghost");
    const line = (pr: string) => body.split("\n").find((one) => one.includes(pr)) ?? "";
    expect(line("acme/platform#1")).toContain("code owners: `bob`");
    expect(line("acme/platform#2")).toContain("code owners: `acme/api-team`, `dave`");
    expect(line("acme/web#1")).toContain("code owners: `carol`");
    // `services/ghost/CODEOWNERS` is not in the repository: nobody is guessed.
    expect(line("acme/platform#3")).not.toContain("code owners");
    expect(requests).toEqual([
      "GET repos/get-content",
      "ServiceRepositories",
      "IncidentHistory",
      "IncidentElsewhere", // ids, suspects and both services' owners files, one document
      "IncidentWrites",
      "IncidentElsewhere", // the id verified
    ]);
  });

  it("reads a service's file in the incident's own repository in the same document as the ids", async () => {
    at("14:40");
    const { body, requests } = await declaration(platform, "search");
    const line = body.split("\n").find((one) => one.includes("#1")) ?? "";
    expect(line).toContain("code owners: `bob`");
    expect(requests.filter((name) => name === "IncidentElsewhere")).toHaveLength(2);
  });
});
