import type { Logger } from "probot";
import type { Config } from "../config/schema.js";
import type { OutwardInput } from "../features/outward/decide-outward.js";
import { statusSiteFiles } from "../features/outward/status-page/site-files.js";
import type { Octokit } from "../github/client.js";
import type { Deferred, PublishFiles } from "../github/publish-files.js";
import { type RawSiteRepository, readStatusSite, type SiteWhere } from "../github/read-status-site.js";
import { classifyFailure } from "../github/request-failure.js";

/**
 * Publishes the status site: one paged read of the repo's incidents, the site
 * rendered from their public updates, one commit (none when nothing changed).
 * Failures come back as a reason for the incident, never as an exception.
 */
export interface PublishSiteInput {
  owner: string;
  repo: string;
  config: Config;
  botLogin: string;
  formTemplate: string;
  now: Date;
  /** For the commit message: which incident's public change this is. */
  incidentId: string;
  /** The site's first page as the incident's read brought it (`history-extras.ts`). */
  firstPage?: RawSiteRepository | null;
  /** The site's ref write is left to the caller's next document (`PublishFilesInput.defer`). */
  defer?: boolean;
}

export type PublishOutcome =
  | { ok: true; commitSha: string | null; deferred?: Deferred }
  | { ok: false; reason: string; error?: unknown };

/** Publishes for an incident whose public updates now hash to `hash`; says what to record. */
export async function publishForIncident(
  octokit: Octokit,
  input: PublishSiteInput,
  hash: string | null,
  publishFiles: PublishFiles,
  log: Logger,
  options: { retried?: boolean } = {},
): Promise<{ outward: OutwardInput; deferred?: Deferred }> {
  const outcome = await publishStatusSite(octokit, input, publishFiles);
  if (!outcome.ok) {
    // GitHub was busy: the whole event runs again and publishes then; only the last run reports.
    if (options.retried && outcome.error && classifyFailure(outcome.error).retry) throw outcome.error;
    log.warn({ reason: outcome.reason }, "status page not published");
    return { outward: { publishFailure: { hash, reason: outcome.reason } } };
  }
  log.info({ commit: outcome.commitSha, deferred: outcome.deferred?.kind }, "status page published");
  return { outward: { published: hash }, ...(outcome.deferred ? { deferred: outcome.deferred } : {}) };
}

export async function publishStatusSite(
  octokit: Octokit,
  input: PublishSiteInput,
  publishFiles: PublishFiles,
): Promise<PublishOutcome> {
  const { owner, repo, config, now } = input;
  try {
    const source = await readStatusSite(octokit, siteWhere(owner, repo, config, now), input.firstPage);
    const files = statusSiteFiles({
      histories: source.histories,
      ctx: { config, botLogin: input.botLogin, formTemplate: input.formTemplate },
      now,
      nameWithOwner: `${owner}/${repo}`,
      overrides: source.overrides,
    });
    const { commitSha, deferred } = await publishFiles(octokit, {
      owner,
      repo,
      branch: config.statusPage.branch,
      files,
      message: `Status page: public update of ${input.incidentId}`,
      site: source.site,
      ...(input.defer ? { defer: true } : {}),
    });
    return {
      ok: true,
      commitSha,
      ...(deferred ? { deferred } : {}),
    };
  } catch (error) {
    return { ok: false, reason: describeFailure(error), error };
  }
}

/** Where the site of a repository is read from: its incidents of the last `statusPage.days`. */
export function siteWhere(owner: string, repo: string, config: Config, now: Date): SiteWhere {
  return {
    owner,
    repo,
    incidentLabel: config.labels.incident,
    since: new Date(now.getTime() - (config.statusPage.days + 1) * 86_400_000),
    branch: config.statusPage.branch,
    folder: config.statusPage.folder,
  };
}

/** Status and GitHub's message, or the template's error: nothing that could hold a secret. */
function describeFailure(error: unknown): string {
  const status = (error as { status?: number } | null)?.status;
  const message =
    String((error as Error | null)?.message ?? error)
      .split("\n")[0]
      ?.slice(0, 200) ?? "";
  return status ? `GitHub answered ${status} (${message})` : message || "unknown error";
}
