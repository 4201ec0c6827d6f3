import type { NotifyEvent } from "../../config/outward-schema.js";
import type { Config } from "../../config/schema.js";
import type { Change, IncidentState, PageOrder } from "../../kernel/incident-state.js";
import { severityConfig } from "../../kernel/projection/state-changes.js";
import { dateTime, zoneLabel } from "../../render/format-time.js";
import type { DueEntry } from "./due-notices.js";
import { outwardWords } from "./outward-words.js";

/**
 * One thing to tell the chat targets, in words every format can use: what happened
 * to which incident, as it was when it happened. Text here is plain (no Markdown);
 * each format escapes it for its own syntax.
 */
export interface ChatNotice {
  event: NotifyEvent;
  /** The timeline entry's key, for receivers that deduplicate. */
  key: string;
  at: Date;
  /** `14:23 UTC` style, in the configured zone. */
  time: string;
  headline: string;
  /** What a person typed with it (update text, reason, summary), or the impact on declaration. */
  detail: string | null;
  by: string | null;
  /** Done in the paging service (an acknowledgement there): the page is not told again. */
  fromPaging: boolean;
  /** For the paging service only (closing a page sent before a drill began): chat does not hear it. */
  pageOnly?: true;
  /** A page of its own (escalation level, notify turned page, `/page`). */
  page?: PageOrder;
  /** Keys of every page of its own the incident has had, acknowledged and resolved with it. */
  pageKeys?: string[];
  /** The comment it came from, or the incident. */
  link: string;
  incident: {
    id: string;
    title: string;
    url: string;
    severity: string | null;
    /** The severity's label colour, for formats that colour a message. */
    color: string;
    status: string;
    commander: string | null;
    services: string[];
    security: boolean;
  };
  /** Severities whose targets hear about it: the one at the time, and the old one of a change. */
  severities: string[];
}

const EMOJI: Record<NotifyEvent, string> = {
  declared: "🚨",
  acknowledged: "👀",
  severity: "⚠️",
  status: "🔧",
  roles: "👤",
  update: "📣",
  escalation: "🔺",
  "public-status": "🌐",
  resolved: "✅",
  reopened: "🔁",
  "pir-merged": "📝",
};

/** Never "see the issue": the issue may be public until it moves, and details belong with the responders. */
const SECURITY_DETAIL =
  "Security incident: details are shared with the responders only, never in public channels.";

/** `**x**` and `_(x)_` of the timeline's wording, as plain text. */
export function plainWording(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, "$1").replace(/_\((.+?)\)_/g, "($1)");
}

function isRaise(config: Config, from: string | null, to: string | null): boolean {
  const names = config.severities.map((one) => one.name);
  return from !== null && to !== null && names.indexOf(to) < names.indexOf(from);
}

function at<T extends Change>(changes: readonly T[], time: Date): T | null {
  let found: T | null = null;
  for (const change of changes) if (change.at.getTime() <= time.getTime()) found = change;
  return found;
}

export interface NoticeContext {
  state: IncidentState;
  config: Config;
  id: string;
  title: string;
  issueUrl: string;
}

export function chatNotice(due: DueEntry, ctx: NoticeContext): ChatNotice {
  const { state, config } = ctx;
  const { entry, event } = due;
  const severityChange = at(state.severityChanges, entry.at);
  const severity = severityChange?.to ?? state.severity;
  const severities = [severity, event === "severity" ? severityChange?.from : null].filter(
    (name): name is string => typeof name === "string",
  );
  const declared = event === "declared";
  const said = declared ? (state.security ? SECURITY_DETAIL : (state.form.impact ?? null)) : entry.quote;
  // Raised to a severity with people to tell (CTO, VP): they are named with the notice.
  const raised = event === "severity" && isRaise(config, severityChange?.from ?? null, severity);
  const notify = raised ? (severityConfig(config, severity)?.notify ?? []) : [];
  const detail = notify.length ? [said, outwardWords.notify(notify)].filter(Boolean).join(" · ") : said;
  return {
    event,
    key: due.key,
    at: entry.at,
    time: `${dateTime(entry.at, config.timeZone)} ${zoneLabel(config.timeZone)}`,
    headline: `${EMOJI[event]} ${ctx.id}: ${declared ? "Incident declared" : plainWording(entry.text)}`,
    detail,
    by: entry.by,
    fromPaging: entry.origin === "paging",
    ...(entry.page ? { page: entry.page } : {}),
    pageKeys: [...new Set(state.entries.flatMap((one) => (one.page ? [one.page.key] : [])))],
    link: entry.url ?? ctx.issueUrl,
    incident: {
      id: ctx.id,
      title: ctx.title,
      url: ctx.issueUrl,
      severity,
      color: severityConfig(config, severity)?.color ?? "6e7781",
      status: at(state.statusChanges, entry.at)?.to ?? state.status,
      commander: state.roles.ic?.[0] ?? null,
      services: state.form.services,
      security: state.security,
    },
    severities,
  };
}
