import type { ChecklistPhase } from "../config/checklist-schema.js";

/**
 * The incident's phase checklist as decided from its task-list comment: what each
 * item is, whether it is ticked, and who ticked it when (the app's record of it).
 * The incident room decides it; the timeline and the review read it.
 */
export interface ChecklistItem {
  /** Stable across rewrites: the phase and a hash of the item's text. */
  key: string;
  /** `added`: a task line a person wrote into the comment. */
  phase: ChecklistPhase | "added";
  text: string;
  ticked: boolean;
}

/** One tick or untick; `by` is null when the edit was seen only in the comment (its webhook was missed). */
export interface TickRecord {
  key: string;
  ticked: boolean;
  by: string | null;
  at: Date;
}

export interface ChecklistState {
  items: ChecklistItem[];
  records: TickRecord[];
  url: string | null;
}

/**
 * A person's edit of the checklist comment, from the `issue_comment.edited` webhook:
 * the body before and after, who edited, and when. It attributes the ticks exactly,
 * and restores a tick the app's own rewrite raced over.
 */
export interface ChecklistEdit {
  commentId: number;
  by: string;
  at: Date;
  before: string;
  after: string;
}

export function checklistCounts(checklist: ChecklistState): { done: number; total: number } {
  return {
    done: checklist.items.filter((item) => item.ticked).length,
    total: checklist.items.length,
  };
}
