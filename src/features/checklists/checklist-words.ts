import { type ChecklistPhase, PHASE_TITLES } from "../../config/checklist-schema.js";

export { PHASE_TITLES };

/** Every sentence of the checklist: the comment's frame is `templates/checklist.md.hbs`. */

export const checklistWords = {
  /** The timeline row; the item's text is its quote. */
  ticked: (ticked: boolean, phase: ChecklistPhase | "added", known: boolean) =>
    `Checklist (${PHASE_TITLES[phase]}) ${ticked ? "ticked" : "unticked"}${known ? "" : " (the edit was read from the comment: who made it is not recorded)"}`,
  /** Beside a ticked item in the comment. */
  tickedBy: (by: string | null, at: string) => (by ? `✔ @${by}, ${at}` : `✔ ${at}`),
  /** The timeline header. */
  progress: (done: number, total: number) => `Checklist ${done}/${total}`,
};
