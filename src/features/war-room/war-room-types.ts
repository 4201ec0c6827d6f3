/** What the war room needs to know about an incident; built from the projected incident state. */
export interface WarRoomIncident {
  /** `INC-20260203-001` */
  id: string;
  title: string;
  severity: string;
  status: string;
  /** GitHub login of the incident commander, without `@`. */
  commander: string | null;
  issueUrl: string;
  security: boolean;
}

/** One row of the incident's timeline, as the channel mirrors it. */
export interface MirrorEntry {
  /** Stable across edits: what the entry came from (e.g. `comment-123`, `label-456`). */
  key: string;
  at: Date;
  /** The event as the timeline shows it, in Markdown. */
  text: string;
  /** GitHub login of who did it, without `@`; null for the app or the clock. */
  by: string | null;
}

/** A message already in the channel that mirrors an entry, read back from its metadata. */
export interface MirroredMessage {
  key: string;
  ts: string;
  /** The text the message holds now, to tell whether the entry was edited since. */
  text: string;
}
