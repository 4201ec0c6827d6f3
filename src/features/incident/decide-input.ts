import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import type { Plan, WriteFailure } from "../../kernel/plan.js";
import type { ProjectionContext } from "../../kernel/projection/projection-context.js";
import type { TemplateOverrides } from "../../render/template-overrides.js";
import type { ChatNotice } from "../outward/chat-notice.js";
import type { OutwardInput } from "../outward/decide-outward.js";
import type { TriggeringEvent } from "./answered-elsewhere.js";
import type { MessageContext } from "./messages.js";

/**
 * decide(history, config, now) -> plan: what the incident room is given, and what it
 * gives back (the state, the writes, and what must happen around them).
 */
export interface DecideInput extends ProjectionContext {
  history: IssueHistory;
  now: Date;
  /** Create labels the repo lacks (the caller does this at most once per repo and process). */
  checkLabels: boolean;
  /** The last 90 days in numbers, read by the caller only when a `/metrics` waits for an answer. */
  metricsSummary?: string;
  /** The open incidents as `/incidents` lists them, read by the caller only when one waits for an answer. */
  incidentList?: string;
  /** What this event already did outside GitHub's issue (the status page). */
  outward?: OutwardInput;
  /** The repo's template overrides (`.github/incident-templates/`); none by default. */
  templates?: TemplateOverrides;
  /** The webhook being handled; without it every comment is answered now (dry runs, tests). */
  event?: TriggeringEvent;
  /** This event tried to move the security incident to the private repository, and GitHub said why not. */
  moveFailure?: string;
  /** Writes this event made in other repositories before deciding (freeze checks) that failed: told on the incident. */
  writeFailures?: readonly WriteFailure[];
  /** This event tried a `/move` (the command's reply key) and GitHub or the target said why not. */
  moveCommandFailure?: { key: string; reason: string; why: MoveRefusal };
}

/** Why a transfer did not happen, as the wall around GitHub found out. */
export type MoveRefusal = "not-visible" | "public" | "archived" | "refused";

/**
 * Move the incident, once declared and written: to the incidents repository
 * (`organisation.moveIncidents`), or where a `/move` (its reply key in `command`) asked.
 * `privately`: a security incident, which never moves to a public repository.
 */
export interface Relocation {
  to: string;
  privately: boolean;
  command: string | null;
}

export interface Decision {
  state: IncidentState;
  plan: Plan;
  /** Chat notices claimed by this plan's timeline write: send them once it is applied. */
  notices: ChatNotice[];
  /** The status site must be published before this plan is applied. */
  publication: { hash: string | null } | null;
  /** Move the issue to this private repository before anything else (a security incident in a public one). */
  move?: { to: string };
  /** Once declared and written, move the incident (`organisation.moveIncidents`, or `/move`). */
  relocate?: Relocation;
}

/** Posts a reply under `key` once: `body` gets the hidden marker that claims the key. */
export type ReplyFn = (key: string, body: (marker: string) => string) => void;

/** What a message describes: the incident now, or as it was when a command was typed (`asOf`). */
export type MessageFn = (marker: string, asOf?: Date | null) => MessageContext;
