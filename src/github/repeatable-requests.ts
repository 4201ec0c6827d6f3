/**
 * Which requests Octokit may send again by itself after a 5xx. A 502 can come back
 * after GitHub did the work, so a request that adds something (a comment, an issue, a
 * branch) is never repeated blindly: the handler reads the issue again instead and
 * adds only what is still missing. Reads, and writes that set a value, repeat safely.
 */

/** Mutations that set a value or are no-ops when repeated; every other mutation is not repeated. */
const REPEATABLE_MUTATIONS = new Set([
  "UpdateComment",
  "UpdateIssue",
  "CloseIssue",
  "ReopenIssue",
  "AddReaction",
  "DeleteComment",
  // Project fields are set, not added; adding an item already on the board returns that item.
  "SetProjectFields",
  "AddProjectItem",
]);

const REPEATABLE_METHODS = new Set(["GET", "HEAD", "PUT", "PATCH", "DELETE"]);

/**
 * REST POSTs that are safe twice: a label (a repeat is refused, 422 `already_exists`),
 * assignees (a set), and git objects (addressed by content: a repeat makes the same one).
 */
const REPEATABLE_POSTS = [
  /\/repos\/[^/]+\/[^/]+\/labels$/,
  /\/repos\/[^/]+\/[^/]+\/issues\/\d+\/assignees$/,
  /\/repos\/[^/]+\/[^/]+\/git\/(blobs|trees|commits)$/,
];

/**
 * Writing a file is not repeatable either way: without `sha` it creates the file (a repeat
 * is refused, 422), with `sha` it replaces that version (a repeat no longer matches, 409).
 */
const WRITES_FILE = /\/repos\/[^/]+\/[^/]+\/contents\//;

export interface RequestShape {
  method?: string;
  url?: string;
  query?: unknown;
}

export function isRepeatable(request: RequestShape): boolean {
  const method = (request.method ?? "GET").toUpperCase();
  if (/\/graphql$/.test(request.url ?? "")) {
    const document = typeof request.query === "string" ? request.query : "";
    const mutation = /^\s*mutation\b\s*([A-Za-z_]\w*)?/.exec(withoutComments(document));
    return mutation === null || REPEATABLE_MUTATIONS.has(mutation[1] ?? "");
  }
  const path = (request.url ?? "").split("?")[0] ?? "";
  if (method === "PUT" && WRITES_FILE.test(path)) return false;
  return REPEATABLE_METHODS.has(method) || (method === "POST" && REPEATABLE_POSTS.some((p) => p.test(path)));
}

function withoutComments(document: string): string {
  return document.replace(/#[^\n]*/g, "");
}
