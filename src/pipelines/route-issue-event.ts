import type { Context } from "probot";
import { ConfigSchema } from "../config/schema.js";
import { type RouteLabels, routeLabels } from "../features/incident/route-labels.js";
import { isChecklistEdit } from "./checklist-edit-event.js";

/**
 * Which issue events can change an incident, decided from the payload and the label
 * names so the many that cannot cost no request: the app's own echoes, comments
 * without a command on issues that are not incidents, labels the app does not own.
 */
const COMMAND_LINE = /^[ \t]*\/[A-Za-z]/m;

/** The default names: enough to route most events before any config is read. */
export const DEFAULT_ROUTE_LABELS: RouteLabels = routeLabels(ConfigSchema.parse({}));

type PayloadLabels = ReadonlyArray<{ name: string } | string | null> | undefined;
type IssueContext = Context<"issues" | "issue_comment">;

function mentionsCommand(body: string | null | undefined): boolean {
  return typeof body === "string" && COMMAND_LINE.test(body);
}

function labelName(label: { name: string } | string): string {
  return typeof label === "string" ? label : label.name;
}

const FROM_SLACK = /^<!-- incident-app:from-slack /m;

function isRelayedCommand(context: IssueContext): boolean {
  if (context.name !== "issue_comment" || context.payload.action !== "created") return false;
  return FROM_SLACK.test((context.payload as Context<"issue_comment">["payload"]).comment.body);
}

export function isIncidentLike(labels: PayloadLabels, names: RouteLabels = DEFAULT_ROUTE_LABELS): boolean {
  return (labels ?? []).some((label) => label !== null && names.marksIncident(labelName(label)));
}

/** An issue the app itself moved here (a security incident): its own doing, but the incident goes on here. */
function transferredHere(context: IssueContext): boolean {
  const changes = (context.payload as { changes?: { old_repository?: unknown } }).changes;
  return context.payload.action === "opened" && !!changes?.old_repository;
}

export function shouldReconcile(
  context: IssueContext,
  botLogin: string,
  names: RouteLabels = DEFAULT_ROUTE_LABELS,
): boolean {
  const { payload } = context;
  // The app's own echoes change nothing, except a command it relayed from Slack (§15) and
  // an issue it moved here (§13).
  if (payload.sender?.login === botLogin) {
    if (isRelayedCommand(context)) return true;
    if (!transferredHere(context)) return false;
  }
  const issue = payload.issue;
  if ("pull_request" in issue && issue.pull_request) return false;
  const incident = isIncidentLike(issue.labels, names);
  if (context.name === "issue_comment") {
    const comment = (payload as Context<"issue_comment">["payload"]).comment;
    if (payload.action === "edited") {
      // A person ticking the app's checklist: recorded on the timeline.
      if (isChecklistEdit(context, botLogin)) return true;
      const before = (payload as { changes?: { body?: { from?: string } } }).changes?.body?.from;
      // On an incident, also a plain comment: its old text may live on in the checkpoint.
      return incident || mentionsCommand(comment.body) || mentionsCommand(before);
    }
    // A deleted note leaves the timeline; any deleted comment leaves the checkpoint.
    if (payload.action === "deleted") return incident;
    return mentionsCommand(comment.body);
  }
  switch (payload.action) {
    case "labeled":
    case "unlabeled": {
      const label = (payload as { label?: { name: string } }).label?.name ?? "";
      return names.isOurs(label) || incident;
    }
    case "opened":
    case "edited":
    case "closed":
    case "reopened":
      return incident;
    default:
      return false;
  }
}

/**
 * Whether the repo's own label names could route an event the default names did not:
 * only events on labelled issues, or label changes, so ordinary issue traffic still
 * costs no config read.
 */
export function mayRouteWithRenamedLabels(context: IssueContext, botLogin: string): boolean {
  const { payload } = context;
  if (payload.sender?.login === botLogin) return false;
  if ("pull_request" in payload.issue && payload.issue.pull_request) return false;
  if (context.name === "issues" && (payload.action === "labeled" || payload.action === "unlabeled"))
    return true;
  return (payload.issue.labels ?? []).length > 0;
}
