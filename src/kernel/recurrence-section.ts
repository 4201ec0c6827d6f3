import { marker } from "./markers.js";

/**
 * The recurrence note of the declaration message sits between these markers, so the
 * review (another room) can copy it: recurrences are read only when declaring.
 */
export const RECURRENCE_START = marker("recurrence");
export const RECURRENCE_END = marker("recurrence", { end: 1 });

export function wrapRecurrence(note: string): string {
  return `${RECURRENCE_START}\n${note}\n${RECURRENCE_END}`;
}

/** The recurrence note of the app's own declaration comment, or null. */
export function recurrenceFrom(declarationBody: string | null): string | null {
  if (!declarationBody) return null;
  const start = declarationBody.indexOf(RECURRENCE_START);
  const end = declarationBody.indexOf(RECURRENCE_END);
  if (start === -1 || end <= start) return null;
  return declarationBody.slice(start + RECURRENCE_START.length, end).trim() || null;
}
