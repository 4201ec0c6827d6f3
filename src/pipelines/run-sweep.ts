import type { SweepTask } from "../features/sweep/sweep-task.js";
import { viewerLogin } from "../github/bot-login.js";
import type { Octokit } from "../github/client.js";
import { PRODUCTION_RETRY_POLICY, type RetryPolicy } from "../github/retry-policy.js";
import { readFormTemplate } from "./app-deps.js";
import type { OutsideDeps, PipelineLog } from "./converge-incident.js";
import type { IssueLock } from "./issue-lock.js";
import { type SweepRepoResult, sweepRepo } from "./sweep-repo.js";
import { withRetries } from "./with-retries.js";

/**
 * `sweep` (§10): the same code the server's timer runs, for one or more repositories,
 * with an Octokit authenticated as the app's installation (or any token that may
 * write issues). `dryRun` decides and describes, and writes nothing.
 */
export interface RunSweepOptions {
  octokit: Octokit;
  /** `owner/name` of each repository. */
  repos: string[];
  now: Date;
  dryRun: boolean;
  /** The login whose markers are trusted (`slug[bot]`); asked of GitHub (`viewer`) when absent. */
  botLogin?: string;
  formTemplate?: string;
  log?: PipelineLog;
  /** How GitHub's failures are retried: the whole repository's sweep again, from a fresh read. */
  retry?: RetryPolicy;
  /** Chat (and the status page) for what the sweep adds to timelines: escalations, raised severities. */
  outside?: OutsideDeps;
  /** Turns per issue shared with webhook handlers, for incidents the sweep converges. */
  lock?: IssueLock;
}

export interface SweepReport {
  repos: SweepRepoResult[];
  actions: SweepTask[];
}

const QUIET: PipelineLog = { info: () => {}, debug: () => {}, warn: () => {} };

export async function runSweep(options: RunSweepOptions): Promise<SweepReport> {
  const botLogin =
    options.botLogin ??
    (await withRetries(
      () => viewerLogin(options.octokit),
      options.retry ?? PRODUCTION_RETRY_POLICY,
      options.log ?? QUIET,
    ));
  const formTemplate = options.formTemplate ?? readFormTemplate();
  const report: SweepReport = { repos: [], actions: [] };
  for (const full of options.repos) {
    const [owner, repo] = full.split("/");
    if (!owner || !repo) throw new Error(`expected a repository as owner/name, got “${full}”`);
    // Every reminder carries its window's marker, so a sweep run again after a lost
    // answer sees what it already posted and does not post it twice.
    const log = options.log ?? QUIET;
    const result = await withRetries(
      () =>
        sweepRepo({
          octokit: options.octokit,
          owner,
          repo,
          now: options.now,
          dryRun: options.dryRun,
          botLogin,
          formTemplate,
          log,
          ...(options.outside ? { outside: options.outside } : {}),
          ...(options.lock ? { lock: options.lock } : {}),
        }),
      options.retry ?? PRODUCTION_RETRY_POLICY,
      log,
    );
    report.repos.push(result);
    report.actions.push(...result.actions);
  }
  return report;
}

/** What a run did, for people: one block per repository. */
export function formatSweepReport(report: SweepReport, dryRun: boolean): string {
  const lines: string[] = [];
  for (const repo of report.repos) {
    if (repo.skipped) {
      lines.push(`${repo.repo}: skipped, ${repo.skipped}`);
      continue;
    }
    const verb = dryRun ? "would post" : "posted";
    lines.push(`${repo.repo}: ${repo.plan.length === 0 ? "nothing due" : `${verb} ${repo.plan.length}`}`);
    for (const line of repo.plan) lines.push(`  ${line}`);
  }
  return lines.join("\n");
}
