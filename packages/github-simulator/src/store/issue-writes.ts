import { forbidden, hasPermission, requirePermission, requireRead } from "./access.js";
import type { PullFields } from "./code-model.js";
import { recordReferences } from "./cross-references.js";
import { addAssignees, addLabels } from "./issue-labels-assignees.js";
import { ensureLabel } from "./label-writes.js";
import type { ClosedEventCloser, Issue, Repo, StateReason } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";
import { recordEvent } from "./timeline.js";

/** Opening issues and commenting: anyone who can see the repo; the app's bot only where installed. */
export function requireParticipation(store: SimStore, actor: string, repo: Repo): void {
  requireRead(store, actor, repo);
  if (store.account(actor)?.type === "Bot" && !hasPermission(store, actor, repo, "write")) {
    throw forbidden(store, actor);
  }
}

/** Editing title and body: the author, or anyone with write access. */
export function requireIssueEdit(store: SimStore, actor: string, repo: Repo, issue: Issue): void {
  requireParticipation(store, actor, repo);
  if (issue.author.toLowerCase() === actor.toLowerCase()) return;
  requirePermission(store, actor, repo, "write");
}

/** Closing and reopening: the author, or triage and up. */
function requireStateChange(store: SimStore, actor: string, repo: Repo, issue: Issue): void {
  requireParticipation(store, actor, repo);
  if (issue.author.toLowerCase() === actor.toLowerCase()) return;
  requirePermission(store, actor, repo, "triage");
}

export function checkBodyLength(body: string | null | undefined, resource: string): void {
  if (body && body.length > 65536) {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      { resource, code: "custom", field: "body", value: "body is too long (maximum is 65536 characters)" },
    ]);
  }
}

/** GitHub's REST and GraphQL APIs refuse titles over 256 characters. */
export function checkTitleLength(title: string): void {
  if (title.length > 256) {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      {
        resource: "Issue",
        code: "custom",
        field: "title",
        value: "title is too long (maximum is 256 characters)",
      },
    ]);
  }
}

export interface NewIssue {
  title: string;
  body?: string | null;
  labels?: string[];
  assignees?: string[];
  /** Filed through an issue form: GitHub applies the template's labels whoever files it. */
  viaForm?: boolean;
}

export function createIssue(store: SimStore, actor: string, repo: Repo, input: NewIssue): Issue {
  requireParticipation(store, actor, repo);
  if (input.title.trim() === "") {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      { resource: "Issue", code: "missing_field", field: "title" },
    ]);
  }
  checkBodyLength(input.body, "Issue");
  checkTitleLength(input.title);
  const issue = issueRecord(store, actor, repo, input.title, input.body ?? null, null);
  store.emit({ type: "issues.opened", repo, issue, actor });
  recordReferences(store, repo, issue, actor, `${input.title}\n${input.body ?? ""}`);
  // Like GitHub: labels and assignees from someone without triage access are dropped silently.
  const triage = hasPermission(store, actor, repo, "triage");
  if (triage) {
    addLabels(
      store,
      actor,
      repo,
      issue,
      (input.labels ?? []).map((name) => ensureLabel(store, actor, repo, name)),
    );
  } else if (input.viaForm) {
    // A form's labels exist in the repo (a template cannot create them).
    const labels = (input.labels ?? []).flatMap((name) => store.findLabel(repo, name) ?? []);
    addLabels(store, actor, repo, issue, labels, true);
  }
  if (triage) addAssignees(store, actor, repo, issue, input.assignees ?? [], { strict: true });
  return issue;
}

/** A new issue or pull request record, numbered and registered (no event sent). */
export function issueRecord(
  store: SimStore,
  actor: string,
  repo: Repo,
  title: string,
  body: string | null,
  pull: PullFields | null,
): Issue {
  const id = store.nextId();
  const now = store.now();
  const issue: Issue = {
    id,
    nodeId: `${pull ? "PR" : "I"}_${id}`,
    repoId: repo.id,
    number: repo.nextNumber,
    title,
    body,
    state: "open",
    stateReason: null,
    labelIds: [],
    assignees: [],
    author: store.requireAccount(actor).login,
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    lastEditedAt: null,
    commentIds: [],
    reactions: [],
    timeline: [],
    pull,
  };
  repo.nextNumber += 1;
  repo.issues.push(issue);
  store.register(issue.nodeId, { kind: "issue", repo, issue });
  return issue;
}

export function editIssue(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  patch: { title?: string; body?: string | null },
): void {
  const titleChanged = patch.title !== undefined && patch.title !== issue.title;
  const bodyChanged = patch.body !== undefined && patch.body !== issue.body;
  if (!titleChanged && !bodyChanged) return;
  requireIssueEdit(store, actor, repo, issue);
  checkBodyLength(patch.body, "Issue");
  const changes: { title?: { from: string }; body?: { from: string | null } } = {};
  if (titleChanged && patch.title !== undefined) {
    if (patch.title.trim() === "") {
      throw new SimError("UNPROCESSABLE", "Validation Failed", [
        { resource: "Issue", code: "missing_field", field: "title" },
      ]);
    }
    checkTitleLength(patch.title);
    changes.title = { from: issue.title };
    recordEvent(store, repo, issue, {
      kind: "RenamedTitleEvent",
      actor,
      previousTitle: issue.title,
      currentTitle: patch.title,
    });
    issue.title = patch.title;
  }
  if (bodyChanged && patch.body !== undefined) {
    changes.body = { from: issue.body };
    issue.body = patch.body;
    issue.lastEditedAt = store.now();
  }
  issue.updatedAt = store.now();
  store.emit({ type: "issues.edited", repo, issue, actor, changes });
  recordReferences(store, repo, issue, actor, `${issue.title}\n${issue.body ?? ""}`);
}

export function closeIssue(
  store: SimStore,
  actor: string,
  repo: Repo,
  issue: Issue,
  reason: StateReason | null = null,
  closer: ClosedEventCloser | null = null,
): void {
  requireStateChange(store, actor, repo, issue);
  const stateReason = reason === null || reason === "reopened" ? "completed" : reason;
  if (issue.state === "closed") {
    issue.stateReason = reason ? stateReason : issue.stateReason;
    return;
  }
  const event = recordEvent(store, repo, issue, { kind: "ClosedEvent", actor, stateReason, closer });
  issue.state = "closed";
  issue.stateReason = stateReason;
  issue.closedAt = event.createdAt;
  issue.closedBy = actor;
  store.emit({ type: "issues.closed", repo, issue, actor });
}

export function reopenIssue(store: SimStore, actor: string, repo: Repo, issue: Issue): void {
  requireStateChange(store, actor, repo, issue);
  if (issue.state === "open") return;
  recordEvent(store, repo, issue, { kind: "ReopenedEvent", actor });
  issue.state = "open";
  issue.stateReason = "reopened";
  issue.closedAt = null;
  store.emit({ type: "issues.reopened", repo, issue, actor });
}
