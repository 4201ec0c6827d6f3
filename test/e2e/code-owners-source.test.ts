import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formBody } from "../support/history-builder.js";
import { type OrganisationWorld, startOrganisationWorld, type Where } from "../support/organisation-world.js";
import { requestNames } from "../support/sim-code.js";

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
let world: OrganisationWorld;
const at = (hhmm: string) => world.at(hhmm);
const merged = (where: Where, branch: string, path: string) => world.pull(where, { branch, path });

async function declaration(where: Where, services: string): Promise<{ body: string; requests: string[] }> {
  let number = 0;
  const requests = await world.requestsOf(() => {
    number = world.declare(where, "Search down", formBody({ services }));
  });
  const body = (await world.comments(where, number)).find((c) => c.includes("incident-app:declaration"));
  return { body: body ?? "", requests: requestNames(requests) };
}

beforeAll(async () => {
  world = await startOrganisationWorld({
    members: ["alice", "bob", "carol", "dave"],
    config: CONFIG,
    repos: [
      {
        name: "platform",
        config: CONFIG,
        files: {
          // The repository's own CODEOWNERS: what the services' sources replace.
          ".github/CODEOWNERS": "* @carol\n",
          "services/search/CODEOWNERS": "*.ts @bob\n",
          "services/search/a.ts": "1\n",
        },
      },
      { name: "web", config: CONFIG, files: { ".github/CODEOWNERS": "* @carol\n" } },
    ],
  });
  at("13:30");
  await merged(platform, "tune-scoring", "services/search/score.ts"); // platform #1
  await merged(platform, "api-limits", "services/api/limits.go"); // platform #2
  await merged(platform, "ghost-change", "services/ghost/x.ts"); // platform #3
  await merged(web, "web-change", "app.js"); // web #1
}, 120_000);
afterAll(() => world.harness.close());

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
