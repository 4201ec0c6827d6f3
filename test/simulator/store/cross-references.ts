import type { Issue, Repo } from "./model.js";
import type { SimStore } from "./store.js";
import { recordEvent } from "./timeline.js";

/**
 * Like GitHub: when an issue's body or a comment mentions another issue of the same
 * repository (`#12` or its URL), that issue's timeline gets a CrossReferencedEvent,
 * once per source issue. No webhook is sent for it.
 */
const SHORT = /(?:^|[^\w/#&])#(\d+)\b/g;
const URL_REF = /https?:\/\/[^\s/]+\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)/g;

export function recordCrossReferences(
  store: SimStore,
  actor: string,
  repo: Repo,
  source: Issue,
  text: string | null | undefined,
): void {
  if (!text) return;
  const numbers = new Set<number>();
  for (const match of text.matchAll(SHORT)) numbers.add(Number(match[1]));
  for (const match of text.matchAll(URL_REF)) {
    const same =
      match[1]?.toLowerCase() === repo.owner.toLowerCase() &&
      match[2]?.toLowerCase() === repo.name.toLowerCase();
    if (same) numbers.add(Number(match[3]));
  }
  numbers.delete(source.number);
  for (const number of numbers) {
    const target = store.findIssue(repo, number);
    if (!target) continue;
    const known = target.timeline.some(
      (item) =>
        item.kind === "CrossReferencedEvent" &&
        item.sourceRepoId === repo.id &&
        item.sourceNumber === source.number,
    );
    if (known) continue;
    recordEvent(store, repo, target, {
      kind: "CrossReferencedEvent",
      actor,
      sourceRepoId: repo.id,
      sourceNumber: source.number,
    });
  }
}
