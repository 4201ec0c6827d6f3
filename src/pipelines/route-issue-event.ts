import type { Context } from "probot";
import { isChecklistEdit } from "./checklist-edit-event.js";

/**
 * Which issue events can change an incident, decided from the payload alone so the
 * many that cannot cost no request: the app's own echoes, comments without a
 * command on issues that are not incidents, labels the app does not own.
 */
const COMMAND_LINE = /^[ \t]*\/[A-Za-z]/m;
const OURS = /^(incident|SEV-\d|status: |incident: triage)/i;

function mentionsCommand(body: string | null | undefined): boolean {
  return typeof body === "string" && COMMAND_LINE.test(body);
}

export function isIncidentLike(labels: ReadonlyArray<{ name: string } | string | null> | undefined): boolean {
  return (labels ?? []).some(
    (label) => label !== null && /^incident/i.test(typeof label === "string" ? label : label.name),
  );
}

export function shouldReconcile(context: Context<"issues" | "issue_comment">, botLogin: string): boolean {
  const { payload } = context;
  if (payload.sender?.login === botLogin) return false;
  const issue = payload.issue;
  if ("pull_request" in issue && issue.pull_request) return false;
  const incident = isIncidentLike(issue.labels);
  if (context.name === "issue_comment") {
    const comment = (payload as Context<"issue_comment">["payload"]).comment;
    if (payload.action === "edited") {
      // A person ticking the app's checklist: recorded on the timeline.
      if (isChecklistEdit(context, botLogin)) return true;
      const before = (payload as { changes?: { body?: { from?: string } } }).changes?.body?.from;
      return mentionsCommand(comment.body) || mentionsCommand(before);
    }
    // A deleted note leaves the timeline; a deleted plain comment changes nothing.
    return mentionsCommand(comment.body) && (incident || payload.action === "created");
  }
  switch (payload.action) {
    case "labeled":
    case "unlabeled": {
      const label = (payload as { label?: { name: string } }).label?.name ?? "";
      return OURS.test(label) || incident;
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
