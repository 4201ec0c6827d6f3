import type { Issue, Repo } from "./model.js";
import type { SimStore } from "./store.js";
import { recordEvent } from "./timeline.js";

/**
 * Mentions of other issues and pull requests of the same repository (`#12`, or its
 * URL) in a title, body or comment: like GitHub, the mentioned one gets one
 * `CrossReferencedEvent` per mentioning issue or pull request. No webhook is sent.
 */
const CLOSING = /\b(close[sd]?|fix(e[sd])?|resolve[sd]?)\s*:?\s*$/i;

export function mentionedNumbers(repo: Repo, text: string): Array<{ number: number; closing: boolean }> {
  const found = new Map<number, boolean>();
  const url = `github\\.com/${escapeRegex(repo.owner)}/${escapeRegex(repo.name)}/(?:issues|pull)/(\\d+)`;
  const pattern = new RegExp(`(?:^|[^\\w/#&])#(\\d+)\\b|https?://${url}\\b`, "gi");
  for (const match of text.matchAll(pattern)) {
    const number = Number(match[1] ?? match[2]);
    const before = text.slice(0, match.index ?? 0);
    found.set(number, (found.get(number) ?? false) || CLOSING.test(before));
  }
  return [...found].map(([number, closing]) => ({ number, closing }));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function recordReferences(
  store: SimStore,
  repo: Repo,
  source: Issue,
  actor: string,
  text: string,
): void {
  for (const { number, closing } of mentionedNumbers(repo, text)) {
    if (number === source.number) continue;
    const target = store.findIssue(repo, number);
    if (!target) continue;
    const known = target.timeline.some(
      (item) => item.kind === "CrossReferencedEvent" && item.source === source.number,
    );
    if (known) continue;
    recordEvent(store, repo, target, {
      kind: "CrossReferencedEvent",
      actor,
      source: source.number,
      willCloseTarget: closing && source.pull !== null,
    });
  }
}
