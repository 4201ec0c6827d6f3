import { createClock, type Simulator, startSimulator } from "@incident-app/github-simulator";

/**
 * The world the app's GraphQL documents are run in against the simulator: org `acme`
 * (owner `olivia`, member `alice`), repo `acme/svc` with collaborators `carl` (write)
 * and `rita` (read) and the app's config file, an org-wide `.github` repo, the app
 * installed on both. Outsider `oscar` exists.
 */
export const START = new Date("2026-02-03T14:23:00.000Z");

export async function seededSimulator(): Promise<Simulator> {
  const sim = await startSimulator({ clock: createClock(START) });
  sim.createUser("oscar");
  sim.createOrg("acme", ["alice"], ["olivia"]);
  sim.createRepo({
    owner: "acme",
    name: "svc",
    collaborators: { carl: "write", rita: "read" },
    files: { ".github/incident.yml": "severities: [SEV1, SEV2]\n" },
  });
  sim.createRepo({ owner: "acme", name: ".github", files: { ".github/incident.yml": "org: true\n" } });
  await sim.installApp("acme", ["svc", ".github"]);
  return sim;
}

/** The value at a dotted path (`"repository.issue.labels.nodes.0.name"`) of parsed JSON, or undefined. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split(".").filter(Boolean)) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (typeof current === "object" && current !== null)
      current = (current as Record<string, unknown>)[key];
    else return undefined;
  }
  return current;
}

/** The array at `path` (empty when absent). */
export function listAt(value: unknown, path: string): unknown[] {
  const found = at(value, path);
  return Array.isArray(found) ? found : [];
}

/** The string at `path` (empty when absent). */
export function textAt(value: unknown, path: string): string {
  const found = at(value, path);
  return typeof found === "string" ? found : "";
}
