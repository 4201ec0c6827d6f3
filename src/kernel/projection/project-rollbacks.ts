import type { IssueHistory } from "../history.js";
import type { IncidentState } from "../incident-state.js";
import { rollbackRecords } from "../rollbacks.js";
import { addEntry } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * Rollbacks on the timeline: the deployment the app created for `/rollback`, and each
 * status the user's CD gave it, as recorded in the app's reply (§13).
 */
export function rollbackEntries(state: IncidentState, history: IssueHistory, botLogin: string): void {
  const own = history.repo.nameWithOwner;
  for (const record of rollbackRecords(history, botLogin)) {
    const base = history.repo.url.endsWith(own)
      ? `${history.repo.url.slice(0, -own.length)}${record.repository}`
      : history.repo.url;
    const url = `${base}/deployments`;
    const words = timelineWords.rollback(record.repository, record.sha);
    addEntry(state, "deployment", record.comment.at, record.by, words.requested(record.deployment), {
      url: record.comment.url,
    });
    for (const status of record.statuses)
      addEntry(state, "deployment", status.at, null, words.status(status.state), { url });
  }
}
