import { requirePermission } from "./access.js";
import { ensureLabel } from "./label-writes.js";
import type { Issue, Repo } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";
import { recordEvent } from "./timeline.js";

/**
 * `transferIssue`, as GitHub does it: the issue (comments, timeline, reactions) moves
 * to a repository of the same owner and takes the next number there; its old URL
 * redirects; labels come along only where the target has them (or when asked to
 * create them); the source hears `issues.transferred`, the target `issues.opened`.
 * Pull requests cannot move, nor can an issue go from a private repository to a public one.
 */
export function transferIssue(
  store: SimStore,
  actor: string,
  source: Repo,
  issue: Issue,
  target: Repo,
  createLabelsIfMissing: boolean,
): Issue {
  requirePermission(store, actor, source, "write");
  requirePermission(store, actor, target, "write");
  if (issue.pull) throw unprocessable("Pull requests cannot be transferred.");
  if (source.id === target.id) throw unprocessable("The issue is already in this repository.");
  if (source.owner.toLowerCase() !== target.owner.toLowerCase())
    throw unprocessable("Issues can only be transferred to repositories of the same owner.");
  if (source.private && !target.private)
    throw unprocessable("Issues cannot be transferred from a private repository to a public one.");

  const before: Issue = { ...issue, labelIds: [...issue.labelIds], timeline: [...issue.timeline] };
  const labelFor = (id: number) => {
    const label = source.labels.find((l) => l.id === id);
    if (!label) return null;
    return createLabelsIfMissing
      ? ensureLabel(store, actor, target, label.name)
      : store.findLabel(target, label.name);
  };
  const mapped = new Map(issue.labelIds.map((id) => [id, labelFor(id)?.id ?? null]));
  for (const item of issue.timeline) {
    if (item.kind === "LabeledEvent" || item.kind === "UnlabeledEvent") {
      if (!mapped.has(item.labelId)) mapped.set(item.labelId, labelFor(item.labelId)?.id ?? null);
    }
  }
  source.issues = source.issues.filter((i) => i !== issue);
  const number = target.nextNumber++;
  source.movedIssues = { ...source.movedIssues, [issue.number]: { repoId: target.id, number } };
  issue.repoId = target.id;
  issue.number = number;
  issue.labelIds = issue.labelIds.flatMap((id) => {
    const to = mapped.get(id);
    return to ? [to] : [];
  });
  issue.timeline = issue.timeline.flatMap((item) => {
    if (item.kind !== "LabeledEvent" && item.kind !== "UnlabeledEvent") return [item];
    const to = mapped.get(item.labelId);
    return to ? [{ ...item, labelId: to }] : [];
  });
  for (const id of issue.commentIds) {
    const comment = store.findComment(id);
    if (!comment) continue;
    comment.repoId = target.id;
    comment.issueNumber = number;
    store.register(comment.nodeId, { kind: "comment", repo: target, issue, comment });
  }
  target.issues.push(issue);
  store.register(issue.nodeId, { kind: "issue", repo: target, issue });
  for (const item of issue.timeline)
    if (item.kind !== "IssueComment")
      store.register(item.nodeId, { kind: "event", repo: target, issue, event: item });
  recordEvent(store, target, issue, { kind: "TransferredEvent", actor, fromRepoId: source.id });
  store.emit({
    type: "issues.transferred",
    repo: source,
    issue: before,
    actor,
    newRepo: target,
    newIssue: issue,
  });
  store.emit({
    type: "issues.opened",
    repo: target,
    issue,
    actor,
    transferredFrom: { repo: source, issue: before },
  });
  return issue;
}

/** Where an issue transferred away lives now, or null. */
export function movedIssue(store: SimStore, repo: Repo, number: number): { repo: Repo; issue: Issue } | null {
  const moved = repo.movedIssues?.[number];
  if (!moved) return null;
  const target = store.repoById(moved.repoId);
  const issue = store.findIssue(target, moved.number);
  return issue ? { repo: target, issue } : movedIssue(store, target, moved.number);
}

function unprocessable(message: string): SimError {
  return new SimError("UNPROCESSABLE", message);
}
