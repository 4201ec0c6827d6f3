import { COMMANDS } from "../../commands/index.js";
import { formatDuration } from "../../config/duration.js";
import type { Config } from "../../config/schema.js";
import { whoMay } from "../../kernel/association-names.js";
import { clocks } from "../../kernel/clocks.js";
import type { IncidentState, StatusUpdate } from "../../kernel/incident-state.js";
import { severityConfig } from "../../kernel/projection/state-changes.js";
import { wrapRecurrence } from "../../kernel/recurrence-section.js";
import { replyMessage } from "../../render/command-reply.js";
import { dateTime, timeOnDay, zoneLabel } from "../../render/format-time.js";
import { block, inline, mention, mentionList, tableCell } from "../../render/markdown.js";
import type { Templates } from "../../render/renderer.js";
import { ROLE_LABELS } from "../../render/timeline-table.js";
import type { Suspects } from "../code-response/suspects.js";
import { renderSuspects } from "../code-response/suspects-view.js";
import { publicStatusDraft } from "../outward/public-status-draft.js";
import { incidentWords } from "./incident-words.js";
import type { Recurrence } from "./recurrence.js";

/** The app's other messages: declaration, replies, updates, resolution, drafts. */

export { replyMessage };

export interface MessageContext {
  state: IncidentState;
  config: Config;
  now: Date;
  /** Issue title without the id prefix. */
  title: string;
  marker: string;
  /** The templates this decision renders with (the repo's overrides over the built-in ones). */
  templates: Templates;
}

/** The recurrence note of the declaration (and the review): earlier incidents and their open items. */
export function renderRecurrences(recurrences: readonly Recurrence[] | null): string | null {
  if (!recurrences || recurrences.length === 0) return null;
  const withOpen = recurrences.filter((past) => past.openItems.length > 0);
  const lines = withOpen
    .slice(0, 10)
    .map((past) =>
      incidentWords.recurrenceLine(
        `[${past.repo ? inline(past.repo) : ""}#${past.number}](${past.url}) ${inline(past.title, 100)}`,
        past.createdAt.toISOString().slice(0, 10),
        inline(past.services.join(", ")),
        past.openItems
          .map(
            (item) =>
              `[${past.repo ? inline(past.repo) : ""}#${item.number}](${item.url}) ${inline(item.title, 80)}`,
          )
          .join(", "),
      ),
    );
  return wrapRecurrence(
    [incidentWords.recurrenceIntro(recurrences.length, withOpen.length), ...lines].join("\n"),
  );
}

function stamp(at: Date | null, config: Config): string {
  return at ? `${dateTime(at, config.timeZone)} ${zoneLabel(config.timeZone)}` : "not recorded";
}

function targetsSentence(severityName: string | null, config: Config): string {
  const severity = severityConfig(config, severityName);
  if (!severity) return "none configured";
  const parts = [
    severity.ack !== null ? `acknowledge within ${formatDuration(severity.ack)}` : null,
    severity.mitigate !== null
      ? `mitigate within ${formatDuration(severity.mitigate)} of acknowledgement`
      : null,
    severity.resolve !== null ? `resolve within ${formatDuration(severity.resolve)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "none configured";
}

const people = (handles: readonly string[] | undefined) => (handles?.length ? mentionList(handles) : null);

/** The resolution message lists the latest entries; the timeline comment keeps them all. */
const RESOLUTION_ENTRIES = 40;

/** `@alice (assigned)`, or `@alice for \`search\`, @bob for \`api\` and \`web\` (assigned, paged)`. */
function onCallCell(
  onCall: ReadonlyArray<{ login: string; services: readonly string[] }>,
  paged: boolean,
): string {
  if (onCall.length === 0) return "nobody configured (`onCall` in `.github/incident.yml`)";
  const who = onCall.map((one) =>
    one.services.length
      ? `${mention(one.login)} for ${one.services.map((service) => `\`${service}\``).join(" and ")}`
      : mention(one.login),
  );
  return `${who.join(", ")} (assigned${paged ? ", paged" : ""})`;
}

const WITHHELD =
  "withheld: this is a security incident in a public repository; share details in a private channel";

export function declarationMessage(
  ctx: MessageContext,
  extra: {
    id: string;
    /** Who is on call: each affected service's primary with its services (each person once), or the top-level one (no services). */
    onCall: ReadonlyArray<{ login: string; services: readonly string[] }>;
    /** The incident's page went to them (a paging service, a severity that pages, not a drill). */
    paged?: boolean;
    runbook: string | null;
    suspects: Suspects | null;
    withhold?: boolean;
    recurrences?: Recurrence[] | null;
  },
): string {
  const { state, config } = ctx;
  const severity = severityConfig(config, state.severity);
  const ic = people(state.roles.ic);
  return ctx.templates.render("declaration", {
    marker: ctx.marker,
    id: extra.id,
    severity: severity?.description
      ? `${severity.name}: ${inline(severity.description)}`
      : (state.severity ?? "—"),
    severityName: state.severity ?? "—",
    title: inline(ctx.title),
    impact: extra.withhold
      ? WITHHELD
      : state.form.impact
        ? inline(state.form.impact, 500)
        : "not described yet",
    services: state.form.services.length ? inline(state.form.services.join(", ")) : "not named",
    started: stamp(state.times.started, config),
    detection: state.form.detection ? inline(state.form.detection) : "not said",
    ic: ic ?? "nobody yet: `/ack` makes you IC, or `/ic @someone`",
    onCall: onCallCell(extra.onCall, extra.paged ?? false),
    status: state.status,
    runbook: extra.runbook ? `[${inline(extra.runbook, 120)}](${extra.runbook})` : "none matched",
    links: extra.withhold ? "withheld" : state.form.links ? inline(state.form.links, 500) : "none",
    targets: targetsSentence(state.severity, config),
    cadence: severity?.updateEvery ? formatDuration(severity.updateEvery) : null,
    notify: severity?.notify.length ? severity.notify.map(mention).join(", ") : null,
    suspects: renderSuspects(extra.suspects, config) || null,
    recurrence: renderRecurrences(extra.recurrences ?? null),
  });
}

export function helpMessage(templates: Templates, marker: string, author: string, config: Config): string {
  return templates.render("help", {
    marker,
    author,
    zone: zoneLabel(config.timeZone),
    commands: COMMANDS.filter((command) => command.available).map((command) => ({
      syntax: tableCell(command.syntax),
      description: tableCell(command.description),
    })),
    later: COMMANDS.filter((command) => !command.available)
      .map((command) => `\`/${command.name}\``)
      .join(", "),
  });
}

export function updateMessage(ctx: MessageContext, update: StatusUpdate): string {
  const { state, config } = ctx;
  const c = clocks(state, config, update.at);
  const zone = zoneLabel(config.timeZone);
  const declared = state.times.declared;
  return ctx.templates.render("update", {
    marker: ctx.marker,
    id: state.id ?? "incident",
    severity: state.severity ?? "—",
    status: state.status,
    text: block(update.text),
    duration: declared ? formatDuration(update.at.getTime() - declared.getTime()) : "—",
    ic: people(state.roles.ic) ?? "not assigned",
    nextUpdate:
      c.nextUpdateDue && declared ? `${timeOnDay(c.nextUpdateDue, declared, config.timeZone)} ${zone}` : null,
    by: update.by,
  });
}

const TARGET_WORDS = { acknowledge: "acknowledge", mitigate: "mitigate", resolve: "resolve" } as const;

export function targetSummary(state: IncidentState, config: Config, now: Date): string {
  const c = clocks(state, config, now);
  const parts = (Object.keys(TARGET_WORDS) as Array<keyof typeof TARGET_WORDS>).flatMap((key) => {
    const target = c.targets[key];
    if (target.kind === "met")
      return [`${key} ✅ ${formatDuration(target.took)} (target ${formatDuration(target.target)})`];
    if (target.kind === "breached")
      return [`${key} ❌ ${formatDuration(target.took)} (target ${formatDuration(target.target)})`];
    if (target.kind === "not-recorded") return [`${key} — not recorded`];
    return [];
  });
  return parts.join(" · ") || "none configured";
}

export function resolutionMessage(ctx: MessageContext, warning: string | null): string {
  const { state, config } = ctx;
  const zone = config.timeZone;
  const from = state.times.detected ?? state.times.declared;
  const to = state.times.resolved;
  const c = clocks(state, config, to ?? ctx.now);
  const responders = new Set<string>();
  for (const handles of Object.values(state.roles))
    for (const handle of handles ?? []) responders.add(handle);
  return ctx.templates.render("resolution", {
    marker: ctx.marker,
    id: state.id ?? "incident",
    severity: state.severity ?? "—",
    duration: from && to ? formatDuration(to.getTime() - from.getTime()) : "—",
    window:
      from && to ? `${timeOnDay(from, from, zone)} – ${timeOnDay(to, from, zone)} ${zoneLabel(zone)}` : "",
    summary: state.resolution?.summary ? inline(state.resolution.summary, 500) : null,
    targets: targetSummary(state, config, to ?? ctx.now),
    timeline: resolutionEntries(state, from, zone),
    nextSteps: [
      c.pirDue
        ? `Post-incident review due ${stamp(c.pirDue, config)}.`
        : "No post-incident review is required for this severity.",
      "Record follow-ups as action items and link them here.",
    ],
    warning,
    responders: mentionList([...responders]),
  });
}

function resolutionEntries(state: IncidentState, from: Date | null, zone: string) {
  const entries = state.entries.filter((entry) => entry.kind !== "role");
  const shown = entries.slice(-RESOLUTION_ENTRIES).map((entry) => ({
    time: timeOnDay(entry.at, from ?? entry.at, zone),
    event: `${entry.text}${entry.quote ? `: ${inline(entry.quote, 200)}` : ""}`,
  }));
  const earlier = entries.length - shown.length;
  return earlier > 0
    ? [{ time: "…", event: `${earlier} earlier entries: see the timeline comment` }, ...shown]
    : shown;
}

/** Text for a code block: no fences, no mentions. */
function plain(text: string): string {
  return text.replace(/`/g, "'").replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}

export function commsDraftMessage(ctx: MessageContext): string {
  const { state, config } = ctx;
  const c = clocks(state, config, ctx.now);
  const affected = state.form.services.length ? state.form.services.join(", ") : ctx.title;
  return ctx.templates.render("comms-draft", {
    marker: ctx.marker,
    affected: plain(affected.slice(0, 200)),
    status: state.status.charAt(0).toUpperCase() + state.status.slice(1),
    started: stamp(state.times.started ?? state.times.declared, config),
    nextUpdate: c.nextUpdateDue ? stamp(c.nextUpdateDue, config) : "when we have news",
    statusPage: config.statusPage.enabled,
    publicCommand: plain(publicStatusDraft(state.status, config, affected.slice(0, 200))),
  });
}

export function escalationMessage(
  ctx: MessageContext,
  escalation: { mentions: string[]; reason: string; note: string | null; by: string },
): string {
  const { state } = ctx;
  const declared = state.times.declared;
  return ctx.templates.render("escalation", {
    marker: ctx.marker,
    id: state.id ?? "incident",
    severity: state.severity ?? "—",
    status: state.status,
    duration: declared ? formatDuration(ctx.now.getTime() - declared.getTime()) : "—",
    mentions: escalation.mentions.map(mention).join(", "),
    reason: escalation.reason,
    note: escalation.note ? inline(escalation.note) : null,
    by: escalation.by,
  });
}

export function triageMessage(templates: Templates, marker: string, author: string, config: Config): string {
  return templates.render("triage", {
    marker,
    author,
    label: config.labels.triage,
    who: whoMay(config.permissions.declare),
  });
}

export function rolesLine(state: IncidentState): string {
  return ROLE_LABELS.map(([key, label]) => `${label} ${people(state.roles[key]) ?? "—"}`).join(" · ");
}
