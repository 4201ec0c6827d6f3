import { SEED_REASONS, SEED_SEVERITIES, type SeedSeverity } from "./seed-catalog.js";
import type { Random } from "./seeded-random.js";

/** What people do on one generated incident after filing it, minute by minute. */
export type SeedStep = { at: Date; by: string } & (
  | { kind: "comment"; body: string }
  | { kind: "label"; label: string }
  | { kind: "close"; reason: "COMPLETED" | "NOT_PLANNED" }
  | { kind: "reopen" }
);

export interface IncidentPlan {
  createdAt: Date;
  severity: SeedSeverity;
  responder: string;
  outcome: "resolved" | "reopened" | "false-positive" | "open";
  before: Date;
  minutes: { ack: number; mitigate: number; resolve: number };
}

type Planned = { minute: number; by: string } & (
  | { kind: "comment"; body: string }
  | { kind: "label"; label: string }
  | { kind: "close"; reason: "COMPLETED" | "NOT_PLANNED" }
  | { kind: "reopen" }
);

const MINUTE_MS = 60_000;

/** A duration around a target: within it most of the time, past it about one time in seven. */
function around(random: Random, target: number): number {
  const factor = random.chance(0.15) ? random.between(1.1, 2.2) : random.between(0.15, 0.95);
  return Math.max(1, Math.round(target * factor));
}

function otherSeverity(random: Random, severity: SeedSeverity): { to: SeedSeverity; up: boolean } {
  const index = SEED_SEVERITIES.indexOf(severity);
  const up = index === SEED_SEVERITIES.length - 1 || (index > 0 && random.chance(0.5));
  return { to: SEED_SEVERITIES[up ? index - 1 : index + 1] as SeedSeverity, up };
}

export function planSteps(
  random: Random,
  plan: IncidentPlan,
): { steps: SeedStep[]; finalSeverity: SeedSeverity } {
  const { minutes, responder: by, outcome } = plan;
  const steps: Planned[] = [];
  const say = (minute: number, body: string) => steps.push({ minute, by, kind: "comment", body });
  let finalSeverity = plan.severity;

  if (random.chance(0.2)) {
    const detected = new Date(plan.createdAt.getTime() - random.int(2, Math.max(3, minutes.ack)) * MINUTE_MS);
    say(1, `/detected at ${detected.toISOString().slice(0, 16)}Z`);
  }
  const acks = outcome !== "open" && plan.severity === "SEV-4" ? !random.chance(0.3) : true;
  const ackAt = acks ? Math.max(2, around(random, minutes.ack)) : 0;
  if (acks) say(ackAt, "/ack");

  if (outcome === "false-positive") {
    const at = ackAt + random.int(5, 30);
    steps.push({ minute: at, by, kind: "label", label: "false-positive" });
    steps.push({ minute: at + 1, by, kind: "close", reason: "NOT_PLANNED" });
    return { steps: toSteps(steps, plan), finalSeverity };
  }
  const mitigateAt = ackAt + around(random, minutes.mitigate) + 1;
  if (random.chance(0.12)) {
    const { to, up } = otherSeverity(random, plan.severity);
    say(ackAt + 1, `/severity ${to} ${random.pick(up ? SEED_REASONS.up : SEED_REASONS.down)}`);
    finalSeverity = to;
  }
  say(ackAt + Math.max(1, Math.round((mitigateAt - ackAt) * 0.4)), "/status identified");
  if (outcome !== "open" || random.chance(0.5)) say(mitigateAt, "/mitigated");
  if (outcome === "open") return { steps: toSteps(steps, plan), finalSeverity };

  const resolveAt = Math.max(mitigateAt + random.int(5, 60), around(random, minutes.resolve));
  say(resolveAt, `/resolve ${random.pick(SEED_REASONS.resolve)}`);
  if (outcome === "reopened") {
    const reopenAt = resolveAt + random.int(30, 240);
    say(reopenAt, `/reopen ${random.pick(SEED_REASONS.reopen)}`);
    say(reopenAt + Math.round(minutes.resolve * random.between(0.1, 0.5)) + 10, "/resolve fixed for good");
  }
  return { steps: toSteps(steps, plan), finalSeverity };
}

/**
 * Minutes to times. A closed incident must end before `before`: if it would not,
 * its steps are squeezed proportionally (order kept). An open one just stops there.
 */
function toSteps(planned: Planned[], plan: IncidentPlan): SeedStep[] {
  const start = plan.createdAt.getTime();
  const room = (plan.before.getTime() - start) / MINUTE_MS - 60;
  const last = Math.max(1, ...planned.map((step) => step.minute));
  const squeeze = plan.outcome !== "open" && last > room ? room / last : 1;
  return planned
    .map((step, order) => ({ step, order, minute: Math.max(1, Math.floor(step.minute * squeeze)) }))
    .sort((a, b) => a.minute - b.minute || a.order - b.order)
    .filter(({ minute }) => start + minute * MINUTE_MS < plan.before.getTime())
    .map(({ step, minute }) => {
      const { minute: _, ...rest } = step;
      return { ...rest, at: new Date(start + minute * MINUTE_MS) } as SeedStep;
    });
}
