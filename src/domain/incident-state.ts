import type { Command, CommandError, RoleName } from "./commands/types.js";
import type { Priority } from "./commands/vocabulary.js";
import type { HistoryComment } from "./history.js";
import type { IncidentForm } from "./incident-form.js";

/** How a change reached the incident: a command, a label added by hand, the form, … */
export type Via = "form" | "command" | "label" | "issue" | "auto";

export interface Change {
  at: Date;
  from: string | null;
  to: string;
  by: string;
  via: Via;
  reason: string | null;
}

export type EntryKind =
  | "declared"
  | "triage"
  | "severity"
  | "status"
  | "ack"
  | "role"
  | "note"
  | "update"
  | "started"
  | "detected"
  | "resolved"
  | "reopened"
  | "escalated"
  | "action";

/** One row of the timeline table. `text` is the app's wording; `quote` is what a person typed. */
export interface TimelineEntry {
  at: Date;
  kind: EntryKind;
  text: string;
  quote: string | null;
  by: string | null;
  url: string | null;
  /** Written later than it happened (`/note at 14:15 …`). */
  backdated: boolean;
  /** Source comment, so edits and deletions of it update the row. */
  commentId: number | null;
}

/** A command line that the app must answer: 👀, or 😕 with a reply, or a reply of content. */
export type Acknowledgement =
  | { kind: "accepted"; comment: HistoryComment; line: number; command: Command }
  | { kind: "rejected"; comment: HistoryComment; line: number; raw: string; error: CommandError }
  | { kind: "refused"; comment: HistoryComment; line: number; command: Command; reason: string }
  | { kind: "outsider"; comment: HistoryComment };

export interface Declaration {
  at: Date;
  by: string;
  via: Via;
}

export interface IncidentTimes {
  started: Date | null;
  detected: Date | null;
  declared: Date | null;
  acknowledged: Date | null;
  mitigated: Date | null;
  resolved: Date | null;
}

export interface StatusUpdate {
  at: Date;
  by: string;
  text: string;
  commentId: number;
}

/** An accepted `/action`: becomes an action item issue unless one already exists for its key. */
export interface ActionRequest {
  /** `c<comment id>-<nth /action of that comment>`: editing the comment keeps the key. */
  key: string;
  text: string;
  owner: string | null;
  /** `YYYY-MM-DD` or null. */
  due: string | null;
  priority: Priority;
  by: string;
  at: Date;
  url: string;
}

/** An action item issue the app created for this incident, as its history shows it. */
export interface LinkedActionItem {
  key: string | null;
  number: number;
  title: string;
  url: string;
  open: boolean;
  owner: string | null;
  due: string | null;
  at: Date;
}

export interface IncidentState {
  /** Null until someone allowed declares it (form, `/declare`, or the incident label). */
  declaration: Declaration | null;
  /** The id the app has claimed for it (from its own rename or declaration comment). */
  id: string | null;
  /** An outsider's form waits here for someone allowed to `/declare`. */
  triage: boolean;
  severity: string | null;
  status: string;
  open: boolean;
  severityChanges: Change[];
  statusChanges: Change[];
  roles: Partial<Record<RoleName, string[]>>;
  acknowledgedBy: string | null;
  times: IncidentTimes;
  updates: StatusUpdate[];
  resolution: { at: Date; by: string; summary: string | null } | null;
  form: IncidentForm;
  entries: TimelineEntry[];
  acknowledgements: Acknowledgement[];
  actionRequests: ActionRequest[];
  actionItems: LinkedActionItem[];
}
