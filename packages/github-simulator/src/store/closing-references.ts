import { closeIssue } from "./issue-writes.js";
import type { Issue, Repo } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

/**
 * GitHub's closing keywords in a pull request's description (`Fixes #12`, `closes
 * acme/incidents#7`, `Resolves https://github.com/acme/incidents/issues/7`): when the pull
 * request is merged into its repository's default branch, each issue named this way is
 * closed, with a `ClosedEvent` whose `closer` is the pull request and an `issues.closed`
 * webhook. Other base branches close nothing (GitHub ignores the keywords there).
 */
const KEYWORD = "(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)";
const NAME = "[A-Za-z0-9][A-Za-z0-9-]*\\/[A-Za-z0-9._-]+";
const CLOSING = new RegExp(
  `(?:^|[^\\w])${KEYWORD}\\s*:?\\s+(?:(${NAME})?#(\\d+)\\b|https?:\\/\\/[^\\s/]+\\/(${NAME})\\/issues\\/(\\d+)\\b)`,
  "gi",
);

export interface ClosingReference {
  /** `owner/name`; null: the pull request's own repository. */
  repository: string | null;
  number: number;
}

export function closingReferences(text: string): ClosingReference[] {
  const found: ClosingReference[] = [];
  for (const match of text.matchAll(CLOSING)) {
    const repository = match[1] ?? match[3] ?? null;
    const number = Number(match[2] ?? match[4]);
    if (!found.some((f) => f.repository === repository && f.number === number))
      found.push({ repository, number });
  }
  return found;
}

/** Closes what a merged pull request's description names; called after the merge's own webhook. */
export function closeReferencedIssues(store: SimStore, actor: string, repo: Repo, pull: Issue): void {
  if (!pull.pull || pull.pull.baseRef !== repo.defaultBranch) return;
  for (const ref of closingReferences(pull.body ?? "")) {
    const [owner, name] = ref.repository ? ref.repository.split("/") : [repo.owner, repo.name];
    const target = store.findRepo(owner ?? "", name ?? "");
    const issue = target ? store.findIssue(target, ref.number) : null;
    if (!target || !issue || issue.pull || issue.state !== "open") continue;
    try {
      closeIssue(store, actor, target, issue, "completed", { repoId: repo.id, number: pull.number });
    } catch (error) {
      // GitHub closes only what the person merging may close; the rest stay open, silently.
      if (!(error instanceof SimError)) throw error;
    }
  }
}
