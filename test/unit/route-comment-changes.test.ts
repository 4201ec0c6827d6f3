import { describe, expect, it } from "vitest";
import { shouldReconcile } from "../../src/pipelines/route-issue-event.js";
import { examplePayload } from "../support/probot.js";

type IssueContext = Parameters<typeof shouldReconcile>[0];

/**
 * Which comment edits and deletions reach the incident (real payloads from
 * @octokit/webhooks-examples): on an incident every one does, because the old text may
 * live on in the history checkpoint, which that event's write refreshes; elsewhere
 * only those that are or were a command.
 */
function comment(action: "edited" | "deleted", body: string, labels: string[], from?: string): IssueContext {
  const payload = examplePayload("issue_comment", action) as unknown as Record<string, unknown> & {
    issue: { labels: Array<{ name: string }>; pull_request?: unknown };
    comment: { body: string };
    sender: { login: string };
  };
  payload.issue.labels = labels.map((name) => ({ name }));
  delete payload.issue.pull_request;
  payload.comment.body = body;
  payload.sender.login = "alice";
  if (action === "edited") payload.changes = { body: { from: from ?? body } };
  return { name: "issue_comment", payload } as unknown as IssueContext;
}

const BOT = "incident-bot[bot]";

describe("an edited or deleted comment", () => {
  it("on an incident reaches it, plain or command", () => {
    expect(shouldReconcile(comment("deleted", "my token is abc123", ["incident"]), BOT)).toBe(true);
    expect(shouldReconcile(comment("edited", "fixed a typo", ["incident"], "fixed a tpyo"), BOT)).toBe(true);
    expect(shouldReconcile(comment("deleted", "/note deploy done", ["incident"]), BOT)).toBe(true);
  });

  it("elsewhere only when it is or was a command", () => {
    expect(shouldReconcile(comment("deleted", "my token is abc123", []), BOT)).toBe(false);
    expect(shouldReconcile(comment("edited", "fixed a typo", [], "fixed a tpyo"), BOT)).toBe(false);
    expect(shouldReconcile(comment("edited", "/declare SEV-2", [], "declare SEV-2"), BOT)).toBe(true);
    expect(shouldReconcile(comment("deleted", "/note deploy done", []), BOT)).toBe(false);
  });

  it("by the app itself changes nothing", () => {
    const own = comment("edited", "timeline", ["incident"]);
    (own.payload as { sender: { login: string } }).sender.login = BOT;
    expect(shouldReconcile(own, BOT)).toBe(false);
  });
});
