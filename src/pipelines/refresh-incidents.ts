import type { Config } from "../config/schema.js";
import type { SweepIncident } from "../features/sweep/sweep-snapshot.js";
import { type RefreshReason, timelineRefresh } from "../features/sweep/timeline-refresh.js";
import type { Octokit } from "../github/client.js";
import { historyVariables, readHistory } from "../github/read-history.js";
import type { IssueHistory } from "../kernel/history.js";
import { idFromTitle } from "../kernel/incident-id.js";
import { convergeIncident, type OutsideDeps, type PipelineLog } from "./converge-incident.js";
import type { IssueLock } from "./issue-lock.js";
import { loadRepoTemplates } from "./repo-templates.js";

/**
 * The sweep's second duty (issue 19): incidents whose timeline went stale between
 * events (a clock changed state) or missed an event are read as an event reads them
 * and converged, in the issue's turn, so the timeline is right within one sweep.
 * Which ones is decided from the sweep's read (`timelineRefresh`): the others cost nothing.
 */
export interface RefreshInput {
  octokit: Octokit;
  owner: string;
  repo: string;
  now: Date;
  config: Config;
  botLogin: string;
  formTemplate: string;
  incidents: SweepIncident[];
  histories: Map<number, IssueHistory>;
  /** Incidents this sweep already converged (escalations). */
  done: Set<number>;
  lock?: IssueLock;
  log: PipelineLog;
  /** Chat and paging for notices a missed event left unsent. */
  outside?: OutsideDeps;
}

export interface Refreshed {
  number: number;
  reason: RefreshReason;
}

/** Which incidents need converging, and why (pure: for dry runs too). */
export function staleIncidents(input: Omit<RefreshInput, "octokit" | "formTemplate" | "log">): Refreshed[] {
  const stale: Refreshed[] = [];
  for (const incident of input.incidents) {
    const history = input.histories.get(incident.number);
    if (!history || input.done.has(incident.number)) continue;
    const reason = timelineRefresh(history, incident.state, input.config, input.botLogin, input.now);
    if (reason) stale.push({ number: incident.number, reason });
  }
  return stale;
}

export async function refreshIncidents(input: RefreshInput, stale: Refreshed[]): Promise<void> {
  const { octokit, owner, repo, now, config } = input;
  for (const { number, reason } of stale) {
    const incident = input.incidents.find((i) => i.number === number) as SweepIncident;
    const converge = async () => {
      const known = input.histories.get(number);
      const variables = historyVariables(config, now, {
        withRecent: false,
        id: known ? idFromTitle(known.issue.title) : null,
      });
      const history = await readHistory(octokit, { owner, repo, number }, variables);
      if (!history) return;
      const templates = await loadRepoTemplates(
        octokit,
        { owner, repo },
        history.repo.templatesOid,
        input.log,
      );
      await convergeIncident({
        octokit,
        target: { owner, repo, number, issueId: incident.id },
        history,
        config,
        botLogin: input.botLogin,
        formTemplate: input.formTemplate,
        now,
        variables,
        checkLabels: false,
        templates,
        log: input.log,
        ...(input.outside ? { outside: input.outside } : {}),
      });
    };
    input.log.info({ repo: `${owner}/${repo}`, issue: number, reason }, "sweep refreshes an incident");
    if (input.lock) await input.lock.run(`${owner}/${repo}#${number}`, converge);
    else await converge();
  }
}
