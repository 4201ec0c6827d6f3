import type { RequestLogEntry } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { expect } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { type PullSpec, pullWith, type Where } from "./sim-code.js";

export type { Where };

/**
 * Organisation mode in the simulator (§13): the organisation `acme`, its private
 * `acme/incidents` holding the config, the code repositories around it, and the app
 * installed on those a test names. The clock is on 2026-02-03.
 */
export interface OrganisationRepo {
  name: string;
  /** Its own `.github/incident.yml`, when it has one. */
  config?: string;
  files?: Record<string, string>;
  private?: boolean;
  archived?: boolean;
  /** False: the app is not installed on it (a private one it cannot even see). */
  installed?: boolean;
}

export interface OrganisationWorldOptions {
  /** Default 13:00 UTC. */
  start?: string;
  /** The organisation's members; `alice` acts in the tests. */
  members: string[];
  /** The incidents repository's `.github/incident.yml`; none, and it has none. */
  config?: string;
  /** The incidents repository's other files. */
  files?: Record<string, string>;
  /** The other repositories, created in this order. */
  repos?: OrganisationRepo[];
}

export interface OrganisationWorld {
  harness: Harness;
  alice: Octokit;
  incidents: Where;
  /** Sets the clock to `hh:mm` UTC on 2026-02-03. */
  at(hhmm: string): void;
  /** What the app asked of GitHub while `act` ran and everything settled. */
  requestsOf(act: () => unknown): Promise<RequestLogEntry[]>;
  /** The bodies of an issue's comments, oldest first. */
  comments(where: Where, number: number): Promise<string[]>;
  /** The incident's timeline comment ("" before there is one). */
  timeline(number: number, where?: Where): Promise<string>;
  /** alice comments `body`: the last comment after everything settled (the app's reply), and what the app asked of GitHub meanwhile. */
  say(number: number, body: string, where?: Where): Promise<{ reply: string; requests: RequestLogEntry[] }>;
  /** alice says each command in turn, and each reply contains its text. */
  expectReplies(number: number, cases: [command: string, text: string][], where?: Where): Promise<void>;
  /** alice's pull request of one change (merged unless `merge: false`), once the app has seen it; its number. */
  pull(where: Where, spec: PullSpec): Promise<number>;
  /** alice files the incident form in `where` (labelled `incident`); its number. */
  declare(where: Where, title: string, body: string): number;
}

export async function startOrganisationWorld(options: OrganisationWorldOptions): Promise<OrganisationWorld> {
  const harness = await startHarness({ start: options.start ?? "2026-02-03T13:00:00Z" });
  const { sim } = harness;
  sim.createOrg("acme", options.members);
  const incidentsRepo: OrganisationRepo = {
    name: "incidents",
    private: true,
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.files ? { files: options.files } : {}),
  };
  const repos = [incidentsRepo, ...(options.repos ?? [])];
  for (const repo of repos) {
    const config: Record<string, string> =
      repo.config === undefined ? {} : { ".github/incident.yml": repo.config };
    sim.createRepo({
      owner: "acme",
      name: repo.name,
      files: { ...config, ...repo.files },
      ...(repo.private ? { private: true } : {}),
      ...(repo.archived ? { archived: true } : {}),
    });
  }
  await sim.installApp(
    "acme",
    repos.filter((repo) => repo.installed !== false).map((repo) => repo.name),
  );
  const alice = sim.as("alice");
  const incidents = ACME.incidents;
  async function requestsOf(act: () => unknown): Promise<RequestLogEntry[]> {
    const before = sim.appRequests().length;
    await act();
    await sim.settle();
    return sim.appRequests().slice(before);
  }
  async function comments(where: Where, number: number): Promise<string[]> {
    const { data } = await alice.rest.issues.listComments({ ...where, issue_number: number, per_page: 100 });
    return data.map((comment) => comment.body ?? "");
  }
  async function say(number: number, body: string, where = incidents) {
    const requests = await requestsOf(() =>
      alice.rest.issues.createComment({ ...where, issue_number: number, body }),
    );
    return { reply: (await comments(where, number)).at(-1) ?? "", requests };
  }
  return {
    harness,
    alice,
    incidents,
    at: (hhmm) => harness.clock.set(new Date(`2026-02-03T${hhmm}:00Z`)),
    requestsOf,
    comments,
    async timeline(number, where = incidents) {
      return (await comments(where, number)).find((body) => body.includes("incident-app:timeline")) ?? "";
    },
    say,
    async expectReplies(number, cases, where = incidents) {
      for (const [command, text] of cases) {
        expect((await say(number, command, where)).reply, command).toContain(text);
      }
    },
    async pull(where, spec) {
      const number = await pullWith(alice, where, spec);
      await sim.settle();
      return number;
    },
    declare: (where, title, body) =>
      sim.fileIssueForm(
        "alice",
        { owner: where.owner, name: where.repo },
        { title, body, labels: ["incident"] },
      ),
  };
}

/** The incidents repository and the repositories of the services `search` and `api`. */
export const ACME = {
  incidents: { owner: "acme", repo: "incidents" },
  search: { owner: "acme", repo: "search-service" },
  api: { owner: "acme", repo: "api" },
} satisfies Record<string, Where>;

export interface ServicesWorldOptions extends Omit<OrganisationWorldOptions, "config" | "repos"> {
  /** More services after `search` and `api`, each with its repository, in the config's order. */
  more?: Record<string, OrganisationRepo>;
}

/**
 * The cross-repository world: `acme/incidents` configures the services `search` in
 * `acme/search-service` (holding `src/score.ts`) and `api` in `acme/api`, and the more a
 * test names; their repositories are created in that order.
 */
export function startServicesWorld(options: ServicesWorldOptions): Promise<OrganisationWorld> {
  const { more = {}, ...rest } = options;
  const services: Record<string, OrganisationRepo> = {
    search: { name: "search-service", files: { "src/score.ts": "s1\n" } },
    api: { name: "api", files: { "a.txt": "a\n" } },
    ...more,
  };
  const lines = Object.entries(services).map(
    ([name, repo]) => `  ${name}:\n    repository: acme/${repo.name}\n`,
  );
  return startOrganisationWorld({
    ...rest,
    config: `services:\n${lines.join("")}`,
    repos: Object.values(services),
  });
}
