import type { Context } from "probot";
import type { ChecklistEdit } from "../kernel/checklist.js";

/** The app's checklist comment says so on its first line (its hidden marker). */
const CHECKLIST_MARKER = /<!--\s*incident-app:checklist[\s>]/;

interface EditPayload {
  action?: string;
  sender?: { login?: string };
  comment?: { id?: number; body?: string; updated_at?: string; user?: { login?: string } | null };
  changes?: { body?: { from?: string } };
}

/**
 * A person's edit of the app's checklist comment (`issue_comment.edited` on a comment
 * the app wrote, by someone else): who changed it, when, and its body before and after.
 */
export function checklistEditOf(payload: unknown, botLogin: string): ChecklistEdit | null {
  const { action, sender, comment, changes } = payload as EditPayload;
  if (action !== "edited" || !comment?.id || typeof comment.body !== "string") return null;
  if (comment.user?.login !== botLogin || !sender?.login || sender.login === botLogin) return null;
  if (!CHECKLIST_MARKER.test(comment.body)) return null;
  const before = changes?.body?.from;
  if (typeof before !== "string") return null;
  const at = new Date(comment.updated_at ?? Number.NaN);
  if (Number.isNaN(at.getTime())) return null;
  return { commentId: comment.id, by: sender.login, at, before, after: comment.body };
}

export function isChecklistEdit(context: Context<"issues" | "issue_comment">, botLogin: string): boolean {
  return context.name === "issue_comment" && checklistEditOf(context.payload, botLogin) !== null;
}
