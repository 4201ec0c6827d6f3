import type { SeedIncident } from "./seed-history.js";
import { seededRandom } from "./seeded-random.js";

/**
 * What happens after a past incident, for the demo's report: the review merged
 * (mostly within its 48 h or one week, sometimes late), and for about half of them
 * an action item, mostly closed by its due date, some still open (a few overdue).
 * Its own random stream, so the incidents themselves stay as they were.
 */
export type FollowUpStep = { at: Date; by: string } & (
  | { kind: "comment"; body: string }
  | { kind: "merge-review" }
  | { kind: "close-action-item" }
);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const ACTIONS: Record<string, string[]> = {
  search: ["Alert on empty search results", "Add a canary query to the search smoke tests"],
  api: ["Add a timeout to the upstream call", "Load test the API before releases"],
  auth: ["Rotate credentials before they expire", "Alert on login error rate"],
  dashboard: ["Add a smoke test for the dashboard charts", "Cache the dashboard's slowest query"],
};

export function followUpSteps(incident: SeedIncident, before: Date): FollowUpStep[] {
  if (incident.outcome !== "resolved" && incident.outcome !== "reopened") return [];
  const random = seededRandom(9000 + incident.index);
  const last = incident.steps.at(-1);
  if (!last) return [];
  const by = last.by;
  const steps: FollowUpStep[] = [];
  const resolvedAt = last.at.getTime();
  const severity = incident.finalSeverity;
  if (severity !== "SEV-4") {
    // SEV-1/2 reviews open on resolution; a SEV-3's is asked for.
    if (severity === "SEV-3")
      steps.push({ at: new Date(resolvedAt + 30 * 60_000), by, kind: "comment", body: "/pir" });
    const due = severity === "SEV-3" ? 7 * DAY_MS : 2 * DAY_MS;
    const late = random.chance(0.15);
    const mergeAfter = late ? due * random.between(1.1, 1.6) : due * random.between(0.2, 0.9);
    steps.push({ at: new Date(resolvedAt + mergeAfter), by, kind: "merge-review" });
  }
  if (random.chance(0.5)) {
    const service = incident.services[0] ?? "api";
    const text = random.pick(ACTIONS[service] ?? ACTIONS.api ?? []);
    const askedAt = resolvedAt + 20 * 60_000;
    const dueAt = askedAt + random.int(5, 14) * DAY_MS;
    const due = new Date(dueAt).toISOString().slice(0, 10);
    steps.push({ at: new Date(askedAt), by, kind: "comment", body: `/action ${text} @${by} due:${due}` });
    if (random.chance(0.7)) {
      const closeAt = dueAt - random.int(0, 4) * DAY_MS - random.int(1, 8) * HOUR_MS;
      steps.push({ at: new Date(Math.max(askedAt + HOUR_MS, closeAt)), by, kind: "close-action-item" });
    }
  }
  return steps.filter((step) => step.at.getTime() < before.getTime() - HOUR_MS);
}
