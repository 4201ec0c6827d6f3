import type { RequestLogEntry } from "@incident-app/github-simulator";
import { isWrite } from "./timing.js";

/**
 * GitHub's secondary limits as they apply to one command's requests: 1 point per
 * read, 5 per write request (a GraphQL document with mutations is one write however
 * many it carries), and the requests that create content (comments, issues, pull
 * requests, commits), of which GitHub allows about 80 a minute.
 */
export interface Points {
  points: number;
  contentCreating: number;
}

/** GraphQL mutations that create content (a comment, an issue, a pull request, a commit). */
const CREATING_MUTATIONS =
  /\b(addComment|createIssue|createPullRequest|createCommitOnBranch|addPullRequestReview|addDiscussionComment)\s*\(/;
/** REST operations that create content. */
const CREATING_OPERATIONS = new Set([
  "issues/create",
  "issues/create-comment",
  "pulls/create",
  "pulls/create-review",
  "pulls/create-review-comment",
  "repos/create-or-update-file-contents",
  "repos/create-commit-comment",
  "git/create-commit",
]);

function createsContent(entry: RequestLogEntry): boolean {
  if (!isWrite(entry)) return false;
  if (entry.operation) return CREATING_OPERATIONS.has(entry.operation);
  const query = (entry.body as { query?: unknown } | null)?.query;
  return typeof query === "string" && CREATING_MUTATIONS.test(query);
}

export function secondaryPoints(entries: readonly RequestLogEntry[]): Points {
  return {
    points: entries.reduce((sum, entry) => sum + (isWrite(entry) ? 5 : 1), 0),
    contentCreating: entries.filter(createsContent).length,
  };
}

/**
 * Requests on the critical path from the webhook to the last write: the app makes its
 * requests one after another, so this is the number up to and including the last
 * write (a verify read after it does not delay what people see).
 */
export function roundTrips(entries: readonly RequestLogEntry[]): number {
  let last = -1;
  entries.forEach((entry, index) => {
    if (isWrite(entry)) last = index;
  });
  return last + 1;
}
