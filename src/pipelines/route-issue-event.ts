import type { Context } from "probot";

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

const FROM_SLACK = /^<!-- incident-app:from-slack /m;

function isRelayedCommand(context: Context<"issues" | "issue_comment">): boolean {
  if (context.name !== "issue_comment" || context.payload.action !== "created") return false;
  return FROM_SLACK.test((context.payload as Context<"issue_comment">["payload"]).comment.body);
}

export function shouldReconcile(context: Context<"issues" | "issue_comment">, botLogin: string): boolean {
  const { payload } = context;
  // The app's own echoes change nothing, except a command it relayed from Slack (§15).
  if (payload.sender?.login === botLogin) return isRelayedCommand(context);
  const issue = payload.issue;
  if ("pull_request" in issue && issue.pull_request) return false;
  const incident = isIncidentLike(issue.labels);
  if (context.name === "issue_comment") {
    const comment = (payload as Context<"issue_comment">["payload"]).comment;
    if (payload.action === "edited") {
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
