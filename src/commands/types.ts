/**
 * The command language (§5) as data: what the parser returns for each line of a
 * comment that starts with `/`. Every command is one variant; every bad line is a
 * typed error naming the argument and the form expected.
 */

import type { PublicState } from "../config/outward-schema.js";

export type RoleName = "ic" | "lead" | "comms" | "scribe" | "sme";

/**
 * A user (`alice`) or team (`org/team`), stored without the leading `@`. The
 * parser returns `me` for `me`/`@me`: the caller, which knows the comment's
 * author, substitutes it.
 */
export type Handle = string;

export type Command =
  | { kind: "declare"; severity: string | null; title: string | null }
  | { kind: "ack"; text: string | null }
  | { kind: "severity"; severity: string; reason: string | null }
  | { kind: "status"; status: string; text: string | null }
  /** `/status public <state> <text>`: a customer-facing update; it changes no internal status. */
  | { kind: "public-status"; state: PublicState; text: string }
  | { kind: "role"; role: RoleName; handle: Handle }
  | { kind: "note"; at: Date | null; text: string }
  | { kind: "started"; at: Date }
  | { kind: "detected"; at: Date }
  | { kind: "update"; text: string }
  | { kind: "resolve"; summary: string | null }
  | { kind: "reopen"; reason: string | null }
  /** Not an incident after all: closed as not planned, kept out of the metrics, counted apart. */
  | { kind: "false-positive"; reason: string | null }
  /** A game day: everything works, nothing is paged, published or sent to chat. */
  | { kind: "drill" }
  | { kind: "security" }
  /** Move the incident to the incidents (or security) repository; no `repository`: `organisation.repository`. */
  | { kind: "move"; repository?: string }
  | { kind: "escalate"; note: string | null }
  /** A page through the paging service, now: a person, the on-call role, or a paging service's service. */
  | { kind: "page"; target: PageTarget; message: string | null }
  | { kind: "comms-draft" }
  | { kind: "timeline" }
  | { kind: "help" }
  | { kind: "oncall" }
  // Capabilities that come with code response and action items; parsed now so
  // people get a clear answer instead of "unknown command".
  /** `from`: null for the default branch, `"deployed"` for the last production deploy, else a ref. */
  /**
   * `repository`: `owner/name` of a service's repository (`/hotfix acme/api from v1.2`);
   * `here`: the incident's own repository was named, so a bare command's choice of the
   * only affected service's repository does not apply.
   */
  | { kind: "hotfix"; from: string | null; repository?: string; here?: true }
  /** A new production deployment of the last good commit (`/rollback acme/api`); `repository`, `here` as for hotfix. */
  | { kind: "rollback"; repository?: string; here?: true }
  /** `repository`: `owner/name` when the pull request is in another repository (`/revert acme/api#12`). */
  | { kind: "revert"; pr: number; repository?: string }
  | { kind: "pir" }
  | { kind: "freeze"; on: boolean }
  /** Due dates are calendar days (in the configured zone), carried as 00:00 UTC of that day. */
  | {
      kind: "action";
      text: string;
      owner: Handle | null;
      due: Date | null;
      priority: "high" | "medium" | "low" | null;
    }
  | { kind: "due"; due: Date }
  | { kind: "owner"; handle: Handle }
  | { kind: "priority"; priority: "high" | "medium" | "low" }
  | { kind: "metrics" }
  /** Every open incident the installation can see, in one reply (any issue). */
  | { kind: "incidents" };

export type CommandKind = Command["kind"];

export type CommandError =
  | { kind: "unknown-command"; name: string; suggestion: string | null }
  | {
      kind: "bad-argument";
      command: string;
      argument: string;
      got: string;
      expected: string;
      /** A corrected command to suggest, when the right one depends on the configuration. */
      example?: string;
    }
  | { kind: "missing-argument"; command: string; argument: string; expected: string; example?: string }
  /** More than `limit` commands in one comment: the first `limit` are parsed, the rest are not. */
  | { kind: "too-many-commands"; limit: number; count: number };

/**
 * One command line of a comment, in order, with its line (1-based, in the comment
 * body) and its text (trimmed) for replies and edits.
 */
export type ParsedLine =
  | { ok: true; line: number; raw: string; command: Command }
  | { ok: false; line: number; raw: string; error: CommandError };

/** What the parser needs to know beyond the text: the clock and the vocabulary. */
export interface ParseContext {
  /** When the comment was written: relative dates and bare times resolve against it. */
  now: Date;
  /** IANA zone for times typed without one. */
  timeZone: string;
  /** Severity names (`SEV-1`) with their aliases (`P0`, `critical`), most severe first. */
  severities: ReadonlyArray<{ name: string; aliases: readonly string[] }>;
  /** Status names in order (`investigating` … `resolved`). */
  statuses: readonly string[];
  /** The status `/mitigated` sets (config `mitigatedStatus`); defaults to `monitoring`. */
  mitigatedStatus?: string;
  /** `owner/name` of the repository: a `/revert` of a pull request here is kept as `#12`. */
  repository?: string;
}

/** Whom `/page` wakes. `me` is already the author's login. */
export type PageTarget =
  | { kind: "person"; login: string }
  | { kind: "role"; role: "primary" | "secondary" }
  | { kind: "service"; name: string };
