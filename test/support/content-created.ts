import type { RequestLogEntry } from "@incident-app/github-simulator";

/**
 * Content-creating requests as GitHub's secondary limit counts them (about 80 a minute
 * and 500 an hour): each issue, comment, pull request or review created, so a GraphQL
 * document with three aliased `addComment` mutations counts three. Read from the
 * simulator's request log, independently of the app's own meter.
 */
const REST_OPERATIONS = new Set([
  "issues/create",
  "issues/create-comment",
  "pulls/create",
  "pulls/create-review",
  "pulls/create-review-comment",
  "repos/create-commit-comment",
]);

const MUTATION_FIELDS =
  /\b(addComment|createIssue|createPullRequest|addPullRequestReview|addPullRequestReviewThread|addDiscussionComment|createDiscussion)\s*\(/g;

/** Content created by one logged request (0 for reads, edits and failed requests). */
export function contentOf(entry: RequestLogEntry): number {
  if (entry.status >= 300) return 0;
  if (entry.graphql) {
    const query = String((entry.body as { query?: string } | null)?.query ?? "");
    if (!/^\s*mutation\b/.test(query)) return 0;
    return query.match(MUTATION_FIELDS)?.length ?? 0;
  }
  return entry.operation && REST_OPERATIONS.has(entry.operation) ? 1 : 0;
}

export function contentCreated(entries: readonly RequestLogEntry[]): number {
  return entries.reduce((sum, entry) => sum + contentOf(entry), 0);
}

export interface ContentWindows {
  total: number;
  /** Per clock minute (`HH:MM`), in order. */
  perMinute: Array<{ minute: string; count: number }>;
  /** The most in any 60 seconds and in any hour (sliding, by the simulator's clock). */
  maxAny60s: number;
  maxAnyHour: number;
}

export function contentWindows(entries: readonly RequestLogEntry[]): ContentWindows {
  const stamps: number[] = [];
  const minutes = new Map<string, number>();
  for (const entry of entries) {
    const made = contentOf(entry);
    if (made === 0) continue;
    const at = Date.parse(entry.at);
    for (let i = 0; i < made; i++) stamps.push(at);
    const minute = entry.at.slice(11, 16);
    minutes.set(minute, (minutes.get(minute) ?? 0) + made);
  }
  stamps.sort((a, b) => a - b);
  const most = (span: number) => {
    let best = 0;
    let from = 0;
    for (let to = 0; to < stamps.length; to++) {
      while ((stamps[to] as number) - (stamps[from] as number) >= span) from++;
      best = Math.max(best, to - from + 1);
    }
    return best;
  };
  return {
    total: stamps.length,
    perMinute: [...minutes].map(([minute, count]) => ({ minute, count })),
    maxAny60s: most(60_000),
    maxAnyHour: most(3_600_000),
  };
}
