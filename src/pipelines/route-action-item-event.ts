import type { Context } from "probot";

/**
 * Events on an action item issue (one the app created, with its marker in the body)
 * go to the action-item pipeline instead of the incident's. Decided from the payload
 * alone: the app's own echoes cost nothing, except the item's creation, which puts it
 * on the board.
 */
const COMMAND_LINE = /^[ \t]*\/[A-Za-z]/m;
const ITEM_MARKER = /<!--\s*incident-app:action-item\b/;

type IssueContext = Context<"issues" | "issue_comment">;

export function isActionItemEvent(context: IssueContext, botLogin: string): boolean {
  const issue = context.payload.issue;
  if ("pull_request" in issue && issue.pull_request) return false;
  return issue.user?.login === botLogin && ITEM_MARKER.test(issue.body ?? "");
}

export function shouldReconcileActionItem(context: IssueContext, botLogin: string): boolean {
  const { payload } = context;
  const fromApp = payload.sender?.login === botLogin;
  if (context.name === "issue_comment") {
    if (fromApp || payload.action === "deleted") return false;
    const comment = (payload as Context<"issue_comment">["payload"]).comment;
    return COMMAND_LINE.test(comment.body ?? "");
  }
  if (payload.action === "opened") return true;
  if (fromApp) return false;
  return payload.action === "edited" || payload.action === "closed" || payload.action === "reopened";
}

/** Whether the incident's timeline may show something new after this event on its item. */
export function changesIncidentView(context: IssueContext): boolean {
  if (context.name === "issue_comment") return true;
  return ["edited", "closed", "reopened"].includes(context.payload.action);
}
