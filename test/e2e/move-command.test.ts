import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";
import { type OrganisationWorld, startOrganisationWorld, type Where } from "../support/organisation-world.js";
import { requestNames as names } from "../support/sim-code.js";

/**
 * `/move [owner/repo]` (§13): an incident declared in a code repository moves to the
 * incidents repository by command, the same way `organisation.moveIncidents` moves it,
 * keeping its timeline and leaving a closed pointer. Every refusal names the repository
 * and what to type instead; a transfer that cannot happen leaves the incident in place.
 */
const CONFIG = `organisation:
  repository: acme/incidents
services:
  api:
    repository: acme/api
security:
  repository: acme/vault
`;
// A repository whose incidents repository is public: no place for a security incident.
const OPEN_CONFIG = `organisation:
  repository: acme/open-incidents
`;
const SECURITY_FORM = FORM_BODY.replace("- [ ] This is a security", "- [x] This is a security");

let world: OrganisationWorld;
let harness: Harness;
let alice: Octokit;
const api = { owner: "acme", repo: "api" };
const incidents = { owner: "acme", repo: "incidents" };

const at = (hhmm: string) => world.at(hhmm);
const requestsOf = (act: () => unknown) => world.requestsOf(act);
const declare = (where: Where, title: string, body = FORM_BODY) => world.declare(where, title, body);

async function say(who: string, where: Where, number: number, body: string): Promise<void> {
  await harness.sim.as(who).rest.issues.createComment({ ...where, issue_number: number, body });
  await harness.sim.settle();
}

async function appComments(where: Where, number: number): Promise<string[]> {
  const { data } = await alice.rest.issues.listComments({ ...where, issue_number: number, per_page: 100 });
  return data.filter((c) => c.user?.login === harness.sim.botLogin).map((c) => c.body ?? "");
}

async function lastReply(where: Where, number: number): Promise<string> {
  return (
    (await appComments(where, number)).filter((body) => body.includes("incident-app:reply")).at(-1) ?? ""
  );
}

async function repositoryOf(where: Where, number: number): Promise<string> {
  const { data } = await alice.rest.issues.get({ ...where, issue_number: number });
  return data.repository_url.replace(/^.*\/repos\//, "");
}

beforeAll(async () => {
  world = await startOrganisationWorld({
    members: ["alice", "bob"],
    config: CONFIG,
    repos: [
      { name: "api", config: CONFIG, files: { "a.txt": "a\n" } },
      { name: "web", config: OPEN_CONFIG },
      { name: "open-incidents", config: OPEN_CONFIG },
      // `acme/vault` (the security repository) exists but the app is not installed on it.
      { name: "vault", private: true, installed: false, config: CONFIG },
    ],
  });
  ({ harness, alice } = world);
}, 120_000);
afterAll(() => harness.close());

describe("/move", () => {
  it("moves the incident to the incidents repository with its timeline and leaves a pointer", async () => {
    at("14:00");
    const number = declare(api, "Checkout errors");
    await harness.sim.settle();
    at("14:05");
    await say("alice", api, number, "/note rolled back the CDN");
    at("14:10");
    const requests = await requestsOf(() => say("alice", api, number, "/move"));
    const { data: moved } = await alice.rest.issues.get({ ...api, issue_number: number });
    expect(moved.repository_url).toMatch(/\/repos\/acme\/incidents$/);
    const bodies = await appComments(incidents, moved.number);
    const timeline = bodies.find((body) => body.includes("incident-app:timeline")) ?? "";
    expect(timeline).toContain("rolled back the CDN");
    expect(await lastReply(incidents, moved.number)).toContain("Moved here from `acme/api`");
    const { data: left } = await alice.rest.issues.listForRepo({ ...api, state: "closed" });
    expect(left.map((issue) => issue.title)).toEqual([`${moved.title.slice(0, 18)} moved to acme/incidents`]);
    expect(left[0]?.body).toContain(`acme/incidents#${moved.number}`);
    expect(names(requests)).toEqual([
      "IncidentHistory",
      "MoveTarget", // the command's 👀 waits: it is made where the incident arrives
      "TransferIssue",
      "POST issues/create", // the pointer, created open…
      "PATCH issues/update", // …and closed
      "GET repos/get-content", // acme/incidents' config, first seen in this test
      "ServiceRepositories", // its services' repositories, checked once per config load
      "IncidentHistory", // `issues.opened` in acme/incidents
      "IncidentWrites", // the 👀 and the reply there: moved here from acme/api
    ]);
  });

  it("refuses a repository that is neither the incidents nor the security repository, naming both", async () => {
    at("15:00");
    const number = declare(api, "Slow search");
    await harness.sim.settle();
    await say("alice", api, number, "/move acme/web");
    const reply = await lastReply(api, number);
    expect(reply).toContain("`acme/web` is not where this organisation keeps incidents");
    expect(reply).toContain("`/move acme/incidents` or `/move acme/vault`");
    expect(await repositoryOf(api, number)).toBe("acme/api");
  });

  it("says where the incident already is", async () => {
    at("15:10");
    const number = declare(incidents, "Queue stuck");
    await harness.sim.settle();
    const requests = await requestsOf(() => say("alice", incidents, number, "/move"));
    expect(await lastReply(incidents, number)).toContain("already in `acme/incidents`");
    expect(names(requests)).toEqual(["IncidentHistory", "IncidentWrites"]);
  });

  it("leaves the incident where it is when the app cannot reach the target, and says what to do", async () => {
    at("15:20");
    const number = declare(api, "Cache misses");
    await harness.sim.settle();
    const requests = await requestsOf(() => say("alice", api, number, "/move acme/vault"));
    const reply = await lastReply(api, number);
    expect(reply).toContain("Could not move this incident to `acme/vault`");
    expect(reply).toContain("the app cannot see `acme/vault`");
    expect(reply).toContain("It stays in `acme/api`");
    expect(reply).toContain(
      "Install the app on `acme/vault` (Issues: write), then type `/move acme/vault` again.",
    );
    expect(await repositoryOf(api, number)).toBe("acme/api");
    expect(names(requests)).toEqual(["IncidentHistory", "MoveTarget", "IncidentWrites"]);
    // Answered once: the next event does not try again.
    const again = await requestsOf(() => say("alice", api, number, "/note still here"));
    expect(names(again)).not.toContain("MoveTarget");
  });

  it("refuses an outsider like any other command", async () => {
    at("15:30");
    const number = declare(api, "Login loops");
    await harness.sim.settle();
    const requests = await requestsOf(() => say("mallory", api, number, "/move"));
    expect(await lastReply(api, number)).toContain("@mallory");
    expect(names(requests)).not.toContain("TransferIssue");
    expect(await repositoryOf(api, number)).toBe("acme/api");
  });

  it("never moves a security incident to a public repository", async () => {
    at("16:00");
    const web = { owner: "acme", repo: "web" };
    const number = declare(web, "Tokens leaked", SECURITY_FORM);
    await harness.sim.settle();
    const requests = await requestsOf(() => say("alice", web, number, "/move"));
    const reply = await lastReply(web, number);
    expect(reply).toContain("`acme/open-incidents` is public, and a security incident must not move there");
    expect(reply).toContain("set `security.repository` to a private repository");
    expect(await repositoryOf(web, number)).toBe("acme/web");
    expect(names(requests)).not.toContain("TransferIssue");
  });
});
