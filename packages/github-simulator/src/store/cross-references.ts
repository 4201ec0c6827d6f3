import type { Issue, Repo } from "./model.js";
import type { SimStore } from "./store.js";
import { recordEvent } from "./timeline.js";

/**
 * Mentions of other issues and pull requests (`#12` or its URL in the same repository,
 * `owner/name#12` or the URL of another one) in a title, body or comment: like GitHub,
 * the mentioned one gets one `CrossReferencedEvent` per mentioning issue or pull
 * request, `isCrossRepository` when they live apart. No webhook is sent.
 */
const CLOSING = /\b(close[sd]?|fix(e[sd])?|resolve[sd]?)\s*:?\s*$/i;

const NAME = "[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+";
const MENTION = new RegExp(
  `(?:^|[^\\w/#&])(?:(${NAME}))?#(\\d+)\\b|https?://github\\.com/(${NAME})/(?:issues|pull)/(\\d+)\\b`,
  "gi",
);

/** Every mention in the text: `repo` null for a bare `#12` (the mentioning repository). */
function mentions(text: string): Array<{ repo: string | null; number: number; closing: boolean }> {
  const found = new Map<string, { repo: string | null; number: number; closing: boolean }>();
  for (const match of text.matchAll(MENTION)) {
    const repo = match[1] ?? match[3] ?? null;
    const number = Number(match[2] ?? match[4]);
    const closing = CLOSING.test(text.slice(0, match.index ?? 0));
    const key = `${repo?.toLowerCase() ?? ""}#${number}`;
    const known = found.get(key);
    found.set(key, { repo, number, closing: (known?.closing ?? false) || closing });
  }
  return [...found.values()];
}

export function recordReferences(
  store: SimStore,
  repo: Repo,
  source: Issue,
  actor: string,
  text: string,
): void {
  for (const mention of mentions(text)) {
    const [owner, name] = mention.repo?.split("/") ?? [repo.owner, repo.name];
    const targetRepo = store.findRepo(owner ?? "", name ?? "");
    if (!targetRepo) continue;
    const foreign = targetRepo.id !== repo.id;
    if (!foreign && mention.number === source.number) continue;
    const target = store.findIssue(targetRepo, mention.number);
    if (!target) continue;
    const known = target.timeline.some(
      (item) =>
        item.kind === "CrossReferencedEvent" &&
        item.source === source.number &&
        (item.sourceRepoId ?? targetRepo.id) === repo.id,
    );
    if (known) continue;
    recordEvent(store, targetRepo, target, {
      kind: "CrossReferencedEvent",
      actor,
      source: source.number,
      ...(foreign ? { sourceRepoId: repo.id } : {}),
      willCloseTarget: mention.closing && source.pull !== null,
    });
  }
}
