/**
 * The sweep as jobs (§10, §12 scale-out). One pass per sweep window: a `pass` job lists
 * the installations and adds one `installation` job each, which lists its repositories
 * and adds one `repo` job each. Every job's id names its window, so however many
 * replicas (or a retried parent) add it, it exists once.
 */
export type SweepJob =
  | { kind: "pass"; window: number }
  | { kind: "installation"; window: number; installationId: number }
  | { kind: "repo"; window: number; installationId: number; repo: string };

/** The sweep window a moment falls in: windows are `intervalMs` long, counted from the epoch. */
export function sweepWindow(at: number, intervalMs: number): number {
  return Math.floor(at / intervalMs);
}

/** Job ids are paths (BullMQ forbids `:` in custom ids). */
export function sweepJobId(job: SweepJob): string {
  switch (job.kind) {
    case "pass":
      return `sweep/${job.window}`;
    case "installation":
      return `sweep/${job.window}/${job.installationId}`;
    case "repo":
      return `sweep/${job.window}/${job.installationId}/${job.repo}`;
  }
}

/** What a job's handler asks of its queue. */
export type JobOutcome =
  /** `swept`: repositories this job swept (a repository's job, or an installation's with one). */
  | { kind: "done"; added: number; swept: number; actions: number }
  /** Not run now: the installation's slots are taken or its rate budget is spent. */
  | { kind: "later"; until: number; why: "busy" | "rate-limit" };

export function describeJob(job: SweepJob): Record<string, string | number> {
  return job.kind === "repo"
    ? { job: job.kind, installation: job.installationId, repo: job.repo, window: job.window }
    : job.kind === "installation"
      ? { job: job.kind, installation: job.installationId, window: job.window }
      : { job: job.kind, window: job.window };
}
