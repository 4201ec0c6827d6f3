import {
  SEED_DETECTION,
  SEED_MINUTES,
  SEED_PEOPLE,
  SEED_SERVICES,
  SEED_SEVERITIES,
  SEED_SEVERITY_WEIGHTS,
  SEED_TITLES,
  type SeedService,
  type SeedSeverity,
} from "./seed-catalog.js";
import { type IncidentPlan, planSteps, type SeedStep } from "./seed-steps.js";
import { type Random, seededRandom } from "./seeded-random.js";

export type { SeedStep } from "./seed-steps.js";

/**
 * Deterministic past incidents for the demo and tests: people-driven histories
 * (an issue filed with the incident form, then comments with commands, labels,
 * closes and reopens) spread over the months before a date. The same seed always
 * gives the same incidents. Only what people do is listed: the app's own replies,
 * labels, closing on `/resolve` and reopening on `/reopen` are left to the app (or
 * to `seedIssueHistories`, which adds them).
 */
export type SeedOutcome = "resolved" | "reopened" | "false-positive" | "open";

export interface SeedIncident {
  /** Order of creation, from 1. */
  index: number;
  title: string;
  author: string;
  createdAt: Date;
  /** Issue-form body (severity, impact, services, when it started, detection). */
  body: string;
  /** Labels the issue is created with (the form applies `incident`). */
  labels: string[];
  severity: SeedSeverity;
  finalSeverity: SeedSeverity;
  services: SeedService[];
  outcome: SeedOutcome;
  steps: SeedStep[];
}

export interface SeedOptions {
  /** Every step happens before this instant. */
  before: Date;
  count?: number;
  months?: number;
  /** How many of the newest incidents are still open. */
  open?: number;
  falsePositives?: number;
  seed?: number;
}

const MINUTE_MS = 60_000;

export function seedIncidents(options: SeedOptions): SeedIncident[] {
  const { before, count = 60, months = 6, open = 2, falsePositives = 3, seed = 20260201 } = options;
  const random = seededRandom(seed);
  const start = Date.UTC(before.getUTCFullYear(), before.getUTCMonth() - months, before.getUTCDate());
  const closedUntil = before.getTime() - 2 * 86_400_000;
  const created = Array.from({ length: count - open }, () => minute(random.between(start, closedUntil)));
  const recent = Array.from({ length: open }, () =>
    minute(before.getTime() - random.between(3, 20) * 3_600_000),
  );
  const times = [...created.sort((a, b) => a - b), ...recent.sort((a, b) => a - b)];
  const fpIndexes = new Set(
    Array.from({ length: falsePositives }, (_, i) =>
      Math.floor(((i + 0.5) * (count - open)) / falsePositives),
    ),
  );

  return times.map((at, index) => {
    const outcome: SeedOutcome =
      index >= count - open
        ? "open"
        : fpIndexes.has(index)
          ? "false-positive"
          : random.chance(0.1)
            ? "reopened"
            : "resolved";
    return incident(random, index + 1, new Date(at), outcome, before);
  });
}

function minute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

function incident(
  random: Random,
  index: number,
  createdAt: Date,
  outcome: SeedOutcome,
  before: Date,
): SeedIncident {
  const severity = random.weighted(SEED_SEVERITY_WEIGHTS);
  const services: SeedService[] = [random.pick(SEED_SERVICES)];
  if (random.chance(0.08)) services.push(random.pick(SEED_SERVICES.filter((s) => s !== services[0])));
  const author = random.pick(SEED_PEOPLE);
  const responder = random.pick(SEED_PEOPLE.filter((person) => person !== author));
  const minutes = SEED_MINUTES[severity];
  const startedAgo = random.chance(0.15)
    ? null
    : Math.max(1, Math.round(minutes.ack * random.between(0.3, 2.5)));
  const plan: IncidentPlan = { createdAt, severity, responder, outcome, before, minutes };
  const { steps, finalSeverity } = planSteps(random, plan);
  const title = random.pick(SEED_TITLES[services[0] as SeedService]);
  const started = startedAgo === null ? null : new Date(createdAt.getTime() - startedAgo * MINUTE_MS);
  return {
    index,
    title,
    author,
    createdAt,
    body: formBody(severity, services, started, random.pick(SEED_DETECTION), title),
    labels: ["incident"],
    severity,
    finalSeverity,
    services,
    outcome,
    steps,
  };
}

function formBody(
  severity: string,
  services: string[],
  started: Date | null,
  detection: string,
  title: string,
) {
  const when = started ? started.toISOString().slice(0, 16).replace("T", " ") : "_No response_";
  return [
    `### Severity\n\n${severity}`,
    `### What is broken / user impact\n\n${title}.`,
    `### Affected services\n\n${services.join(", ")}`,
    `### When it started\n\n${when}`,
    `### How it was detected\n\n${detection}`,
    "### Links\n\n_No response_",
    "### Security\n\n- [ ] This is a security incident (data exposure, unauthorised access)",
  ].join("\n\n");
}

export { SEED_SERVICES, SEED_SEVERITIES };
