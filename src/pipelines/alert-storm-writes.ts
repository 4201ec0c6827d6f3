import type { Config } from "../config/schema.js";
import type { Alert } from "../features/alerts/alert.js";
import { stormIssue } from "../features/alerts/alert-issue.js";
import {
  countOnStorm,
  EMPTY_STORM,
  readStormRecord,
  type StormRecord,
  stormRecordBody,
} from "../features/alerts/alert-storm.js";
import type { AlertRoute } from "../features/alerts/route-alert.js";
import { createIssue } from "../github/apply-issue-writes.js";
import { applyPlan } from "../github/apply-plan.js";
import type { Octokit, Target } from "../github/client.js";
import { type HistoryVariables, historyVariables, readHistory } from "../github/read-history.js";
import type { IssueHistory } from "../kernel/history.js";
import { trustedMarkers } from "../kernel/markers.js";

/**
 * The writes of an alert storm (§14), decided in features/alerts/alert-storm: open the
 * storm incident with its record, or count a grouped fingerprint on that record,
 * updated in place (an edit creates no content on GitHub).
 */
export interface StormWrite {
  octokit: Octokit;
  owner: string;
  repo: string;
  config: Config;
  alert: Alert;
  firings: number;
  now: Date;
  converge: (target: Target, seen: IssueHistory, withRecent: boolean) => Promise<unknown>;
}

/** The storm's record comment, if the app wrote one. */
export function stormRecordOf(
  history: IssueHistory,
  botLogin: string,
): { commentId: string; record: StormRecord } | null {
  for (const item of history.items) {
    if (item.type !== "comment") continue;
    const found = trustedMarkers(item, botLogin).find((marker) => marker.kind === "alert-storm-record");
    if (found) return { commentId: item.id, record: readStormRecord(found.fields) };
  }
  return null;
}

export async function countOnStormIncident(
  write: StormWrite,
  storm: { number: number; history: IssueHistory; record: { commentId: string; record: StormRecord } | null },
  variables: HistoryVariables,
): Promise<number> {
  const { octokit, owner, repo, now } = write;
  const target = { owner, repo, number: storm.number, issueId: storm.history.issue.id };
  const next = countOnStorm(
    storm.record?.record ?? EMPTY_STORM,
    write.alert,
    write.firings,
    now.toISOString(),
  );
  const body = stormRecordBody(next, write.config);
  const change = storm.record
    ? ({ kind: "update-comment", purpose: "notice", commentId: storm.record.commentId, body } as const)
    : ({ kind: "add-comment", purpose: "notice", body } as const);
  const applied = await applyPlan(octokit, target, [change], variables);
  await write.converge(target, applied.history ?? storm.history, false);
  return next.grouped.find((one) => one.fingerprint === write.alert.fingerprint)?.firings ?? write.firings;
}

export async function openStormIncident(
  write: StormWrite,
  route: Extract<AlertRoute, { kind: "declare" | "triage" }>,
  budget: number,
): Promise<number> {
  const { octokit, owner, repo, config, now } = write;
  const issue = stormIssue(write.alert, route, config, budget);
  const created = await createIssue(
    octokit,
    { owner, repo },
    { kind: "create-issue", ref: "alert-storm", assignees: [], ...issue },
  );
  const withRecent = historyVariables(config, now, { withRecent: true, id: null });
  const seen = await readHistory(octokit, { owner, repo, number: created.number }, withRecent);
  if (!seen) return created.number;
  const target = { owner, repo, number: created.number, issueId: seen.issue.id };
  const record = countOnStorm(EMPTY_STORM, write.alert, write.firings, now.toISOString());
  const applied = await applyPlan(
    octokit,
    target,
    [{ kind: "add-comment", purpose: "notice", body: stormRecordBody(record, config) }],
    withRecent,
  );
  await write.converge(target, applied.history ?? seen, true);
  return created.number;
}
