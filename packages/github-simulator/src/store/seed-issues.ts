import { createComment } from "./comment-writes.js";
import { closeIssue, createIssue } from "./issue-writes.js";
import type { SimStore } from "./store.js";

/**
 * Issues with their history written straight into the store, at given times and
 * without webhooks: large states (a thousand action items) in milliseconds.
 */
export interface SeedIssue {
  title: string;
  body?: string;
  author: string;
  labels?: string[];
  assignees?: string[];
  at: Date;
  comments?: Array<{ author: string; body: string; at: Date }>;
  closedAt?: Date;
}

export function seedIssues(store: SimStore, owner: string, name: string, issues: SeedIssue[]): number[] {
  const repo = store.findRepo(owner, name);
  if (!repo) throw new Error(`simulator: no repo ${owner}/${name}`);
  for (const seed of issues) {
    store.ensureAccount(seed.author);
    for (const comment of seed.comments ?? []) store.ensureAccount(comment.author);
  }
  const clock = store.clock;
  const resume = clock.now();
  try {
    return store.quietly(() =>
      issues.map((seed) => {
        clock.set(seed.at);
        const issue = createIssue(store, seed.author, repo, {
          title: seed.title,
          body: seed.body ?? null,
          labels: seed.labels ?? [],
          assignees: seed.assignees ?? [],
        });
        for (const comment of seed.comments ?? []) {
          clock.set(comment.at);
          createComment(store, comment.author, repo, issue, comment.body);
        }
        if (seed.closedAt) {
          clock.set(seed.closedAt);
          closeIssue(store, seed.author, repo, issue);
        }
        return issue.number;
      }),
    );
  } finally {
    clock.set(resume);
  }
}
