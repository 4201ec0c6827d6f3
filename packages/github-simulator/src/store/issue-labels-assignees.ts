import { requirePermission } from "./access.js";
import type { Issue, Label, Repo } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";
import { recordEvent } from "./timeline.js";

/** Labels and assignees: triage access and up (and the app's bot where installed). */
export function requireTriage(store: SimStore, actor: string, repo: Repo): void {
  requirePermission(store, actor, repo, "triage");
}

/** `viaForm`: labels an issue form applies, which GitHub does whoever files the form. */
export function addLabels(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  labels: Label[],
  viaForm = false,
): void {
  if (labels.length === 0) return;
  if (!viaForm) requireTriage(store, actor, repo);
  for (const label of labels) {
    if (issue.labelIds.includes(label.id)) continue;
    recordEvent(store, repo, issue, { kind: "LabeledEvent", actor, labelId: label.id });
    issue.labelIds.push(label.id);
    store.emit({ type: "issues.labeled", repo, issue, actor, label });
  }
}

export function removeLabels(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  labels: Label[],
): void {
  if (labels.length === 0) return;
  requireTriage(store, actor, repo);
  for (const label of labels) {
    if (!issue.labelIds.includes(label.id)) continue;
    recordEvent(store, repo, issue, { kind: "UnlabeledEvent", actor, labelId: label.id });
    issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
    store.emit({ type: "issues.unlabeled", repo, issue, actor, label });
  }
}

/** Replaces the labels: removals first, then additions, one event each. */
export function setLabels(store: SimStore, actor: string, repo: Repo, issue: Issue, labels: Label[]): void {
  requireTriage(store, actor, repo);
  const wanted = new Set(labels.map((l) => l.id));
  const removed = issue.labelIds.filter((id) => !wanted.has(id)).map((id) => store.labelById(repo, id));
  removeLabels(store, actor, repo, issue, removed);
  addLabels(store, actor, repo, issue, labels);
}

/**
 * Assigns people. `strict` (issue create/update): an unknown login is a 422, as on
 * GitHub; otherwise (the add-assignees endpoint) unknown logins are ignored.
 */
export function addAssignees(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  logins: string[],
  opts: { strict?: boolean } = {},
): void {
  if (logins.length === 0) return;
  requireTriage(store, actor, repo);
  for (const login of logins) {
    const account = store.account(login);
    if (!account || account.type === "Organization") {
      if (opts.strict) {
        throw new SimError("UNPROCESSABLE", "Validation Failed", [
          { resource: "Issue", code: "invalid", field: "assignees", value: login },
        ]);
      }
      continue;
    }
    if (issue.assignees.some((a) => a.toLowerCase() === account.login.toLowerCase())) continue;
    recordEvent(store, repo, issue, { kind: "AssignedEvent", actor, assignee: account.login });
    issue.assignees.push(account.login);
    store.emit({ type: "issues.assigned", repo, issue, actor, assignee: account.login });
  }
}

export function removeAssignees(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  logins: string[],
): void {
  if (logins.length === 0) return;
  requireTriage(store, actor, repo);
  for (const login of logins) {
    const current = issue.assignees.find((a) => a.toLowerCase() === login.toLowerCase());
    if (!current) continue;
    recordEvent(store, repo, issue, { kind: "UnassignedEvent", actor, assignee: current });
    issue.assignees = issue.assignees.filter((a) => a !== current);
    store.emit({ type: "issues.unassigned", repo, issue, actor, assignee: current });
  }
}

export function setAssignees(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  logins: string[],
): void {
  requireTriage(store, actor, repo);
  const wanted = new Set(logins.map((l) => l.toLowerCase()));
  removeAssignees(
    store,
    actor,
    repo,
    issue,
    issue.assignees.filter((a) => !wanted.has(a.toLowerCase())),
  );
  addAssignees(store, actor, repo, issue, logins, { strict: true });
}
