import type { ChecklistEdit } from "../../kernel/checklist.js";
import type { HistoryComment } from "../../kernel/history.js";
import type { RollbackStatusEvent } from "../code-response/decide-rollback.js";

/**
 * When twenty commands arrive at once, every handler sees all twenty, and each would
 * react to and answer all of them: about 400 writes where 20 do, against GitHub's
 * limit of about 80 a minute. So a handler answers the comment that triggered it, and
 * answers another comment only once that comment's own delivery has had time to do it
 * (it may have been lost: then this handler heals it). The timeline is always whole.
 */
export const OWN_DELIVERY_GRACE_MS = 15_000;

/** The event being handled: the comment it is about, if any. */
export interface TriggeringEvent {
  commentId: number | null;
  /** A person's edit of the app's checklist comment: who ticked what, exactly. */
  checklistEdit?: ChecklistEdit;
  /** A status of a rollback's deployment, from its `deployment_status` webhook. */
  rollbackStatus?: RollbackStatusEvent;
}

export function leftToOwnDelivery(
  comment: HistoryComment,
  event: TriggeringEvent | undefined,
  now: Date,
): boolean {
  if (!event || comment.databaseId === event.commentId) return false;
  const touched = Math.max(comment.at.getTime(), comment.editedAt?.getTime() ?? 0);
  return now.getTime() - touched < OWN_DELIVERY_GRACE_MS;
}
