import type { Command, CommandError, RoleName } from "../commands/types.js";
import type { Priority } from "../commands/vocabulary.js";
import type { PublicState } from "../config/outward-schema.js";
import type { ChecklistState } from "./checklist.js";
import type { Closer, HistoryComment, PullFact } from "./history.js";
import type { IncidentForm } from "./projection/incident-form.js";

/** How a change reached the incident: a command, a label added by hand, the form, … */
export type Via = "form" | "command" | "label" | "issue" | "auto" | "alert" | "paging";

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
  | "public"
  | "freeze"
  | "hotfix"
  | "pull-request"
  /** The post-incident review's pull request merged. */
  | "review-merged"
  | "deployment"
  | "action"
  | "alert"
  | "false-positive"
  | "drill"
  | "security"
  | "checklist";

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
  /** Typed in Slack and relayed by the app (§15): the channel's name. */
  slackChannel?: string;
  /** Done in the paging service and told back: not echoed to it again. */
  origin?: "paging";
  /** This entry wakes people through the paging service, as a page of its own. */
  page?: PageOrder;
}

/**
 * A page beyond the incident's own: an escalation level, a notify turned page, `/page`.
 * `key` is appended to the incident id on the paging side (`INC-20260203-001:escalation-1`),
 * so each is one page there, acknowledged and resolved with the incident.
 */
export interface PageOrder {
  key: string;
  /** Whom it is for: GitHub logins, or a paging service name (`service:<name>`). */
  to: string[];
  /** High urgency whatever the severity's mode (a notify turned page, `/page`). */
  urgent: boolean;
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
  /** When someone first became incident commander (`/ic`, or `/ack` with no IC yet). */
  icEngaged: Date | null;
  mitigated: Date | null;
  resolved: Date | null;
}

export interface StatusUpdate {
  at: Date;
  by: string;
  text: string;
  commentId: number;
}

/** A customer-facing update (`/status public`): the only words of an incident that leave it. */
export interface PublicUpdate {
  at: Date;
  state: PublicState;
  text: string;
  by: string;
  commentId: number;
}

/** How a pull request belongs to the incident. */
export type PullRole = "hotfix" | "revert" | "review" | "linked";

export interface LinkedPull {
  pull: PullFact;
  role: PullRole;
  /** For a revert: the pull request it reverts. */
  reverts: number | null;
  /** For the app's own pull requests: the command that asked for it (`commentId:line`). */
  source: string | null;
}

/** The merge freeze: on while the incident is open and the severity (or an override) says so. */
export interface FreezeState {
  active: boolean;
  /** Set by `/freeze on|off` or the freeze label added or removed by hand; wins over the severity. */
  override: boolean | null;
}

/**
 * An action item as the review lists it: a tracked issue, or an accepted `/action`
 * whose issue is not created yet.
 */
export interface ActionItemSummary {
  text: string;
  owner: string | null;
  due: Date | null;
  priority: "high" | "medium" | "low" | null;
  status: string;
  /** The tracking issue, when there is one. */
  issue: number | null;
  /** The pull request or commit that closed the tracking issue, when one did. */
  closer: Closer | null;
}

/**
 * An accepted `/action`, or a row of the merged review's action-items table: becomes an
 * action item issue unless one already exists for its key.
 */
export interface ActionRequest {
  /**
   * `c<comment id>-<nth /action of that comment>`: editing the comment keeps the key;
   * `pir<pull request>-r<row>` for a row of a merged review.
   */
  key: string;
  text: string;
  owner: string | null;
  /** `YYYY-MM-DD` or null. */
  due: string | null;
  priority: Priority;
  by: string;
  at: Date;
  url: string;
  /** Set for a row of a merged review: its pull request and row (1-based). */
  review?: { pull: number; row: number };
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
  /** The app's note on the incident naming it exists (absent when that note's answer was lost). */
  noted: boolean;
  /** When it was closed, and the pull request or commit that closed it (`Fixes #12`); null when open or unknown. */
  closedAt: Date | null;
  closer: Closer | null;
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
  publicUpdates: PublicUpdate[];
  /** The form's checkbox or the security label: top severity, impact kept off public issues. */
  security: boolean;
  resolution: { at: Date; by: string; summary: string | null } | null;
  form: IncidentForm;
  entries: TimelineEntry[];
  acknowledgements: Acknowledgement[];
  freeze: FreezeState;
  /** Pull requests of the incident: hotfix, reverts, the review, and those that mention it. */
  linked: LinkedPull[];
  actionRequests: ActionRequest[];
  actionItems: LinkedActionItem[];
  /** `/false-positive`, the label, or closed as not planned: not an incident after all. */
  falsePositive: { at: Date; by: string; reason: string | null } | null;
  /** `/drill` or the drill label: nothing leaves GitHub (no pages, chat or status page). */
  drill: { at: Date; by: string } | null;
  /** The phase checklist, once the incident room has read its comment (absent before). */
  checklist?: ChecklistState | null;
}
