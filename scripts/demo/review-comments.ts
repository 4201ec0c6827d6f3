import type { Comment, Repo, Simulator } from "@incident-app/github-simulator";
import { OWNER, REPO } from "./scenario.js";

/** Comments on the demo's review pull request (`pir/…`), oldest first, as the simulator holds them. */
export function reviewComments(sim: Simulator): { pull: number; comments: Comment[] } | null {
  const state = sim.snapshot() as { repos: Repo[]; comments: Comment[] };
  const repo = state.repos.find((r) => r.owner === OWNER && r.name === REPO);
  const pull = repo?.issues.find((issue) => issue.pull?.headRef.startsWith("pir/"));
  if (!repo || !pull) return null;
  const comments = state.comments.filter((c) => c.repoId === repo.id && c.issueNumber === pull.number);
  return { pull: pull.number, comments };
}

/** The review pull request's comments as Markdown, for demo-output/. */
export function renderReviewComments(review: NonNullable<ReturnType<typeof reviewComments>>): string {
  const lines = [`# Comments on the review pull request #${review.pull}`, ""];
  for (const comment of review.comments)
    lines.push("---", "", `### 💬 @${comment.author} · ${comment.createdAt}`, "", comment.body.trim(), "");
  if (review.comments.length === 0) lines.push("_No comments._", "");
  return `${lines.join("\n")}\n`;
}
