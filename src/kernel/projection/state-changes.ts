import type { Config, Severity } from "../../config/schema.js";
import type { EntryKind, IncidentState, PageOrder, Via } from "../incident-state.js";
import { timelineWords } from "./timeline-words.js";

/**
 * The transitions every source shares (commands, labels added by hand, closing and
 * reopening the issue), so the timeline reads the same whichever way a person chose.
 */

export interface Vocabulary {
  severityByLabel: Map<string, string>;
  statusByLabel: Map<string, string>;
  statusLabel: (status: string) => string;
  resolved: string;
  first: string;
  defaultSeverity: string;
}

const cache = new WeakMap<Config, Vocabulary>();

export function vocabulary(config: Config): Vocabulary {
  const known = cache.get(config);
  if (known) return known;
  const statusLabel = (status: string) => `${config.labels.statusPrefix}${status}`;
  const words: Vocabulary = {
    severityByLabel: new Map(config.severities.map((severity) => [severity.name, severity.name])),
    statusByLabel: new Map(config.statuses.map((status) => [statusLabel(status), status])),
    statusLabel,
    resolved: config.statuses[config.statuses.length - 1] as string,
    first: config.statuses[0] as string,
    defaultSeverity:
      config.defaultSeverity ?? (config.severities[1] ?? config.severities[0])?.name ?? "SEV-2",
  };
  cache.set(config, words);
  return words;
}

export function severityConfig(config: Config, name: string | null): Severity | null {
  return config.severities.find((severity) => severity.name === name) ?? null;
}

/** A severity as people write it in the form or a command: name or alias, any case. */
export function matchSeverity(config: Config, text: string | null): string | null {
  if (!text) return null;
  const wanted = text.trim().toLowerCase();
  const found = config.severities.find(
    (severity) =>
      severity.name.toLowerCase() === wanted ||
      severity.aliases.some((alias) => alias.toLowerCase() === wanted),
  );
  return found?.name ?? null;
}

export function addEntry(
  state: IncidentState,
  kind: EntryKind,
  at: Date,
  by: string | null,
  text: string,
  extra: {
    quote?: string | null;
    url?: string | null;
    backdated?: boolean;
    commentId?: number | null;
    origin?: "paging";
    page?: PageOrder;
  } = {},
) {
  state.entries.push({
    at,
    kind,
    text,
    by,
    quote: extra.quote ?? null,
    url: extra.url ?? null,
    backdated: extra.backdated ?? false,
    commentId: extra.commentId ?? null,
    ...(extra.origin ? { origin: extra.origin } : {}),
    ...(extra.page ? { page: extra.page } : {}),
  });
}

/** `/security`: a security incident from now on, raised to the security severity (once). */
export function markSecurity(
  state: IncidentState,
  at: Date,
  by: string,
  config: Config,
  source: Source = NO_SOURCE,
) {
  if (state.entries.some((entry) => entry.kind === "security")) return;
  state.security = true;
  addEntry(state, "security", at, by, timelineWords.security, source);
  changeSeverity(state, securitySeverity(config), at, by, "auto", "security incident", config);
}

/** The severity security incidents are forced to: configured, or the most severe. */
export function securitySeverity(config: Config): string {
  return config.security.severity ?? (config.severities[0]?.name as string);
}

export function declare(
  state: IncidentState,
  at: Date,
  by: string,
  via: Via,
  severity: string | null,
  config: Config,
) {
  const words = vocabulary(config);
  const chosen = state.security
    ? securitySeverity(config)
    : (severity ?? matchSeverity(config, state.form.severity) ?? words.defaultSeverity);
  state.declaration = { at, by, via };
  state.triage = false;
  state.times.declared = at;
  state.severity = chosen;
  state.status = words.first;
  state.severityChanges.push({ at, from: null, to: chosen, by, via, reason: null });
  state.statusChanges.push({ at, from: null, to: words.first, by, via, reason: null });
  addEntry(state, "declared", at, by, timelineWords.declared(chosen, state.security, words.first, via));
}

export interface Source {
  url: string | null;
  commentId: number | null;
}

const NO_SOURCE: Source = { url: null, commentId: null };

export function changeSeverity(
  state: IncidentState,
  to: string,
  at: Date,
  by: string,
  via: Via,
  reason: string | null,
  config: Config,
  source: Source = NO_SOURCE,
): boolean {
  if (!state.declaration || state.severity === to || !severityConfig(config, to)) return false;
  state.severityChanges.push({ at, from: state.severity, to, by, via, reason });
  addEntry(state, "severity", at, by, timelineWords.severity(state.severity, to, via), {
    ...source,
    quote: reason,
  });
  state.severity = to;
  return true;
}

export function changeStatus(
  state: IncidentState,
  to: string,
  at: Date,
  by: string,
  via: Via,
  text: string | null,
  config: Config,
  source: Source = NO_SOURCE,
): boolean {
  const words = vocabulary(config);
  if (!state.declaration || state.status === to) return false;
  if (to === words.resolved) {
    resolve(state, at, by, via, text, config, source);
    return true;
  }
  if (state.status === words.resolved) {
    reopen(state, at, by, via, null, config);
    if (to === words.first) return true;
  }
  state.statusChanges.push({ at, from: state.status, to, by, via, reason: text });
  const mitigates = marksMitigation(state, to, config);
  addEntry(state, "status", at, by, timelineWords.status(state.status, to, mitigates, via), {
    ...source,
    quote: text,
  });
  state.status = to;
  if (mitigates) state.times.mitigated = at;
  return true;
}

/** The first time the status reaches the mitigated status (or a later one). */
function marksMitigation(state: IncidentState, to: string, config: Config): boolean {
  const threshold = config.statuses.indexOf(config.mitigatedStatus);
  return state.times.mitigated === null && threshold >= 0 && config.statuses.indexOf(to) >= threshold;
}

export function resolve(
  state: IncidentState,
  at: Date,
  by: string,
  via: Via,
  summary: string | null,
  config: Config,
  source: Source = NO_SOURCE,
) {
  const words = vocabulary(config);
  state.statusChanges.push({ at, from: state.status, to: words.resolved, by, via, reason: summary });
  state.status = words.resolved;
  state.times.resolved = at;
  state.times.mitigated ??= at;
  state.resolution = { at, by, summary };
  addEntry(state, "resolved", at, by, timelineWords.resolved(via), {
    ...source,
    quote: summary,
  });
}

export function reopen(
  state: IncidentState,
  at: Date,
  by: string,
  via: Via,
  reason: string | null,
  config: Config,
  source: Source = NO_SOURCE,
) {
  const words = vocabulary(config);
  state.statusChanges.push({ at, from: state.status, to: words.first, by, via, reason });
  state.status = words.first;
  state.times.resolved = null;
  state.resolution = null;
  state.falsePositive = null;
  addEntry(state, "reopened", at, by, timelineWords.reopened(words.first, via), {
    ...source,
    quote: reason,
  });
}

/** A drill (game day): recorded once, by command or label. */
export function markDrill(state: IncidentState, at: Date, by: string, via: Via, source: Source = NO_SOURCE) {
  if (state.drill) return;
  state.drill = { at, by };
  addEntry(state, "drill", at, by, timelineWords.drill(via), source);
}

/** `/false-positive`: not an incident after all; resolves it (closed as not planned) if it is not yet. */
export function markFalsePositive(
  state: IncidentState,
  at: Date,
  by: string,
  reason: string | null,
  config: Config,
  source: Source = NO_SOURCE,
) {
  if (state.status !== vocabulary(config).resolved) resolve(state, at, by, "command", reason, config, source);
  state.falsePositive = { at, by, reason };
  addEntry(state, "false-positive", at, by, timelineWords.falsePositive, { ...source, quote: reason });
}
