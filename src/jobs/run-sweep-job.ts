import type { Logger, Probot } from "probot";
import type { Octokit } from "../github/client.js";
import { installationIdPages, installationOctokit, reposWithOpenIssues } from "../github/installations.js";
import { watchRateLimit } from "../github/rate-limit-headers.js";
import type { OutsideDeps } from "../pipelines/converge-incident.js";
import type { IssueLock } from "../pipelines/issue-lock.js";
import { runSweep } from "../pipelines/run-sweep.js";
import type { InstallationSlots } from "./installation-slots.js";
import type { RateBudget } from "./rate-budget.js";
import { type JobOutcome, type SweepJob, sweepJobId } from "./sweep-jobs.js";

/**
 * What each sweep job does, the same whether the queue is BullMQ on Redis or the
 * in-process one: list installations, list an installation's repositories (and sweep
 * it there when it is the only one), or sweep one repository (`runSweep`, as the CLI
 * does). A repository job waits, rather than fails, while its installation's slots are
 * taken or its rate budget is spent.
 */
export interface SweepJobDeps {
  probot: Probot;
  clock: () => Date;
  botLogin: () => Promise<string>;
  formTemplate: string;
  slots: InstallationSlots;
  budget: RateBudget;
  log: Logger;
  /** Adds jobs (each once per id). */
  enqueue: (jobs: SweepJob[]) => Promise<void>;
  /** Runs a job that waits for its installation's slot now (by id; nothing if it no longer waits). */
  wake: (jobId: string) => Promise<void>;
  /** How long a job whose installation is busy waits before it asks again. */
  busyWaitMs: number;
  /** The webhook handlers' turns per issue: an incident the sweep converges waits for them. */
  lock?: IssueLock;
  /** Chat, paging and the status page for what the sweep adds to timelines (escalations, raised severities). */
  outside?: OutsideDeps;
}

async function octokitFor(deps: SweepJobDeps, installationId: number): Promise<Octokit> {
  const octokit = await installationOctokit(deps.probot, installationId);
  return watchRateLimit(octokit, (reading) => deps.budget.observe(installationId, reading));
}

export async function runSweepJob(job: SweepJob, deps: SweepJobDeps): Promise<JobOutcome> {
  if (job.kind === "pass") {
    // Page by page: the first installations are swept while the rest are still listed.
    let added = 0;
    for await (const ids of installationIdPages(deps.probot)) {
      await deps.enqueue(
        ids.map((installationId) => ({ kind: "installation", window: job.window, installationId })),
      );
      added += ids.length;
    }
    return { kind: "done", added, swept: 0, actions: 0 };
  }
  const { installationId } = job;
  const spentUntil = await deps.budget.waitUntil(installationId, Date.now());
  if (spentUntil !== null) return { kind: "later", until: spentUntil, why: "rate-limit" };
  if (job.kind === "installation") {
    const octokit = await octokitFor(deps, installationId);
    const repos = await reposWithOpenIssues(octokit);
    const [only] = repos;
    // One repository (most installations): swept in this job, without a second trip
    // through the queue, unless its installation's slots are taken.
    if (repos.length === 1 && only) {
      const swept = await sweepRepo(deps, installationId, only, octokit);
      if (swept !== null) return { kind: "done", added: 0, swept: 1, actions: swept };
    }
    await deps.enqueue(repos.map((repo) => ({ kind: "repo", window: job.window, installationId, repo })));
    return { kind: "done", added: repos.length, swept: 0, actions: 0 };
  }
  const swept = await sweepRepo(deps, installationId, job.repo, undefined, sweepJobId(job));
  if (swept === null) return { kind: "later", until: Date.now() + deps.busyWaitMs, why: "busy" };
  return { kind: "done", added: 0, swept: 1, actions: swept };
}

/**
 * Sweeps one repository in one of its installation's slots; null when they are all
 * taken (then `waiter`, the job's id, is woken when one frees). The slot it gives back
 * wakes the installation's oldest waiting job.
 */
async function sweepRepo(
  deps: SweepJobDeps,
  installationId: number,
  repo: string,
  octokit?: Octokit,
  waiter?: string,
): Promise<number | null> {
  const holder = repo.toLowerCase();
  if (!(await deps.slots.take(installationId, holder, waiter))) return null;
  try {
    const report = await runSweep({
      octokit: octokit ?? (await octokitFor(deps, installationId)),
      repos: [repo],
      now: deps.clock(),
      dryRun: false,
      botLogin: await deps.botLogin(),
      formTemplate: deps.formTemplate,
      log: deps.log.child({ sweep: repo }),
      ...(deps.lock ? { lock: deps.lock } : {}),
      ...(deps.outside ? { outside: deps.outside } : {}),
    });
    return report.actions.length;
  } finally {
    const next = await deps.slots.give(installationId, holder);
    // A lost wake-up costs the waiting job its wait (it asks again then), never this job's result.
    if (next !== null)
      await deps.wake(next).catch((error: unknown) => {
        deps.log.debug({ err: error, job: next }, "sweep job could not wake a job waiting for its slot");
      });
  }
}
