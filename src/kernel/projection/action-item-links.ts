import { parseActionItemBody } from "../action-item-body.js";
import { closerReference } from "../closer-reference.js";
import type { IssueHistory } from "../history.js";
import type { IncidentState, LinkedActionItem } from "../incident-state.js";
import { isApp, trustedMarkers } from "../markers.js";
import { addEntry } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * The action items of an incident, as its history shows them: GitHub records a
 * cross-reference when the app's item mentions the incident (with the item's state
 * and body), and the app notes each item it created in a comment, which is seen at
 * once even where the cross-reference lags.
 */
export function linkedActionItems(history: IssueHistory, botLogin: string): LinkedActionItem[] {
  const byNumber = new Map<number, LinkedActionItem>();
  for (const item of history.items) {
    if (item.type === "cross-referenced") {
      const { source } = item;
      if (source.kind !== "Issue" || !isApp(source.author, botLogin)) continue;
      const parsed = parseActionItemBody(source.body);
      if (parsed.meta?.incident !== history.issue.number) continue;
      const earlier = byNumber.get(source.number);
      byNumber.set(source.number, {
        key: parsed.meta.key,
        number: source.number,
        title: source.title,
        url: source.url,
        open: source.state === "OPEN",
        owner: parsed.fields.owner,
        due: parsed.fields.due,
        at: earlier?.at ?? item.at,
        noted: earlier?.noted ?? false,
        closedAt: source.state === "CLOSED" ? source.closedAt : null,
        closer: source.state === "CLOSED" ? source.closer : null,
      });
      continue;
    }
    if (item.type !== "comment") continue;
    for (const marker of trustedMarkers(item, botLogin)) {
      const number = Number(marker.fields.number);
      if (marker.kind !== "action-item-created" || !Number.isSafeInteger(number) || number < 1) continue;
      const known = byNumber.get(number);
      if (known) {
        known.noted = true;
        continue;
      }
      byNumber.set(number, {
        key: marker.fields.key ?? null,
        number,
        title: "",
        url: `${history.repo.url}/issues/${number}`,
        open: true,
        owner: null,
        due: null,
        at: item.at,
        noted: true,
        closedAt: null,
        closer: null,
      });
    }
  }
  return [...byNumber.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.number - b.number);
}

/** One timeline row per action item, with its state; the title falls back to the command's text. */
export function addActionItemEntries(state: IncidentState, repo: string): void {
  for (const item of state.actionItems) {
    const request = state.actionRequests.find((r) => r.key === item.key);
    if (!item.title && request) item.title = request.text;
    if (item.owner === null && request) item.owner = request.owner;
    if (item.due === null && request) item.due = request.due;
    const details = [item.owner ? `owner @${item.owner}` : null, item.due ? `due ${item.due}` : null]
      .filter(Boolean)
      .join(", ");
    addEntry(
      state,
      "action",
      item.at,
      request?.by ?? null,
      timelineWords.actionItem(item.number, item.url, item.open, details),
      { quote: item.title || null },
    );
    // GitHub's `issues.closed` does not name the pull request; the read's ClosedEvent does.
    if (!item.open && item.closer && item.closedAt)
      addEntry(
        state,
        "action",
        item.closedAt,
        null,
        timelineWords.actionItemClosedBy(item.number, item.url, closerReference(item.closer, repo)),
      );
  }
}
