import { atOrAfter } from "../clock.js";
import { hasPermission } from "../store/access.js";
import { addAssignees, removeAssignees, setAssignees, setLabels } from "../store/issue-labels-assignees.js";
import { closeIssue, createIssue, editIssue, reopenIssue } from "../store/issue-writes.js";
import { ensureLabel } from "../store/label-writes.js";
import type { Issue, StateReason } from "../store/model.js";
import { movedIssue } from "../store/transfer-issue.js";
import { issueShape } from "./issue-shapes.js";
import {
  bodyOf,
  issueFor,
  paginated,
  repoFor,
  sinceFilter,
  stringField,
  stringList,
} from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

const STATE_REASONS = new Set<string>(["completed", "not_planned", "duplicate", "reopened"]);

function listIssues(req: RestRequest, issues: Issue[]): Issue[] {
  const q = req.url.searchParams;
  const state = q.get("state") ?? "open";
  const labels = (q.get("labels") ?? "")
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const since = sinceFilter(req);
  const assignee = q.get("assignee");
  const creator = q.get("creator")?.toLowerCase();
  const repo = repoFor(req);
  const labelNames = (issue: Issue) =>
    issue.labelIds.map((id) => req.ctx.store.labelById(repo, id).name.toLowerCase());
  const selected = issues.filter((issue) => {
    if (state !== "all" && issue.state !== state) return false;
    if (labels.length > 0 && !labels.every((l) => labelNames(issue).includes(l))) return false;
    if (since && !atOrAfter(issue.updatedAt, since)) return false;
    if (creator && issue.author.toLowerCase() !== creator) return false;
    if (assignee === "none" && issue.assignees.length > 0) return false;
    if (assignee === "*" && issue.assignees.length === 0) return false;
    if (assignee && assignee !== "none" && assignee !== "*") {
      if (!issue.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())) return false;
    }
    return true;
  });
  const sort = q.get("sort") ?? "created";
  const direction = q.get("direction") === "asc" ? 1 : -1;
  const key = (issue: Issue): number =>
    sort === "updated"
      ? Date.parse(issue.updatedAt)
      : sort === "comments"
        ? issue.commentIds.length
        : Date.parse(issue.createdAt);
  // Ties (same second) fall back to the issue number, like GitHub's id order.
  return selected.sort((a, b) => direction * (key(a) - key(b) || a.number - b.number));
}

export const issueHandlers: Record<string, RestHandler> = {
  "issues/create": (req) => {
    const repo = repoFor(req);
    const body = bodyOf(req);
    const assignee = stringField(body, "assignee");
    const issue = createIssue(req.ctx.store, req.caller.login, repo, {
      title: stringField(body, "title") ?? "",
      body: stringField(body, "body") ?? null,
      labels: stringList(body.labels) ?? [],
      assignees: [...(stringList(body.assignees) ?? []), ...(assignee ? [assignee] : [])],
    });
    return { status: 201, body: issueShape(req.ctx, repo, issue) };
  },

  "issues/get": (req) => {
    const repo = repoFor(req);
    // Like GitHub: the old URL of a transferred issue answers 301 with its new address.
    const moved = movedIssue(req.ctx.store, repo, Number(req.params.issue_number));
    if (moved) {
      const url = String(issueShape(req.ctx, moved.repo, moved.issue).url);
      return {
        status: 301,
        headers: { location: url },
        body: {
          message: "Moved Permanently",
          url,
          documentation_url: "https://docs.github.com/rest/issues/issues#get-an-issue",
        },
      };
    }
    return { status: 200, body: issueShape(req.ctx, repo, issueFor(req, repo)) };
  },

  "issues/update": (req) => {
    const { store } = req.ctx;
    const actor = req.caller.login;
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    const body = bodyOf(req);
    editIssue(store, actor, repo, issue, {
      title: stringField(body, "title"),
      body: "body" in body ? (stringField(body, "body") ?? null) : undefined,
    });
    // Like GitHub: labels and assignees from someone without triage access are dropped silently.
    if (hasPermission(store, actor, repo, "triage")) {
      const labels = stringList(body.labels);
      if (labels) {
        setLabels(
          store,
          actor,
          repo,
          issue,
          labels.map((name) => ensureLabel(store, actor, repo, name)),
        );
      }
      const assignees = stringList(body.assignees);
      if (assignees) setAssignees(store, actor, repo, issue, assignees);
      else if ("assignee" in body) {
        const one = stringField(body, "assignee");
        setAssignees(store, actor, repo, issue, one ? [one] : []);
      }
    }
    const reasonValue = stringField(body, "state_reason");
    const reason = reasonValue && STATE_REASONS.has(reasonValue) ? (reasonValue as StateReason) : null;
    const state = stringField(body, "state");
    if (
      state === "closed" ||
      (state === undefined && reason && reason !== "reopened" && issue.state === "closed")
    ) {
      closeIssue(store, actor, repo, issue, reason);
    } else if (state === "open") {
      reopenIssue(store, actor, repo, issue);
    }
    return { status: 200, body: issueShape(req.ctx, repo, issue) };
  },

  "issues/list-for-repo": (req) => {
    const repo = repoFor(req);
    const issues = listIssues(req, [...repo.issues]);
    return paginated(
      req,
      issues.map((issue) => issueShape(req.ctx, repo, issue)),
    );
  },

  "issues/add-assignees": (req) => {
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    addAssignees(req.ctx.store, req.caller.login, repo, issue, stringList(bodyOf(req).assignees) ?? []);
    return { status: 201, body: issueShape(req.ctx, repo, issue) };
  },

  "issues/remove-assignees": (req) => {
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    removeAssignees(req.ctx.store, req.caller.login, repo, issue, stringList(bodyOf(req).assignees) ?? []);
    return { status: 200, body: issueShape(req.ctx, repo, issue) };
  },
};
