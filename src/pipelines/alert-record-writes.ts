import type { Config } from "../config/schema.js";
import type { Alert } from "../features/alerts/alert.js";
import {
  type AlertRecord,
  alertRecordBody,
  isRecordOf,
  readAlertRecord,
  withBodyRecord,
} from "../features/alerts/alert-issue.js";
import { CONTENT_COST } from "../features/alerts/content-budget.js";
import { applyPlan } from "../github/apply-plan.js";
import type { Octokit, Target } from "../github/client.js";
import type { HistoryVariables } from "../github/read-history.js";
import type { IssueHistory } from "../kernel/history.js";
import { isApp, readMarkers, trustedMarkers } from "../kernel/markers.js";
import type { AlertContent } from "./alert-content.js";

/**
 * Where one fingerprint's repeats and resolution are kept on its incident (§14): one
 * app comment, or, when the content budget had no room for that comment, a marker in
 * the app's own issue body (an edit creates no content). Once in the body it stays
 * there, so a record is never split in two.
 */
export type FoundRecord =
  | { where: "comment"; commentId: string; record: AlertRecord }
  | { where: "body"; record: AlertRecord };

export function recordOf(history: IssueHistory, alert: Alert, botLogin: string): FoundRecord | null {
  for (const item of history.items) {
    if (item.type !== "comment") continue;
    const found = trustedMarkers(item, botLogin).find(
      (marker) => marker.kind === "alert-record" && isRecordOf(marker.fields, alert),
    );
    if (found) return { where: "comment", commentId: item.id, record: readAlertRecord(found.fields) };
  }
  if (!isApp(history.issue.author, botLogin)) return null;
  const inBody = readMarkers(history.issue.body).find(
    (marker) => marker.kind === "alert-record" && isRecordOf(marker.fields, alert),
  );
  return inBody ? { where: "body", record: readAlertRecord(inBody.fields) } : null;
}

export interface RecordWrite {
  octokit: Octokit;
  target: Target;
  history: IssueHistory;
  alert: Alert;
  config: Config;
  variables: HistoryVariables;
  content: AlertContent;
}

/** Writes the record where it is, or where the budget allows; returns the history after. */
export async function writeRecord(
  write: RecordWrite,
  found: FoundRecord | null,
  next: AlertRecord,
): Promise<IssueHistory | null> {
  const { octokit, target, history, alert, config, variables } = write;
  const inBody = () => ({
    kind: "update-issue" as const,
    body: withBodyRecord(history.issue.body, alert, next, config),
  });
  const body = alertRecordBody(alert, next, config);
  let change: Parameters<typeof applyPlan>[2][number];
  if (found?.where === "comment")
    change = { kind: "update-comment", purpose: "notice", commentId: found.commentId, body };
  else if (found?.where === "body") change = inBody();
  else if (await write.content.afford(CONTENT_COST.record, "own"))
    change = { kind: "add-comment", purpose: "notice", body };
  else change = inBody();
  const applied = await applyPlan(octokit, target, [change], variables);
  return applied.history;
}
