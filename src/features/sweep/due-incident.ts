import { formatDuration } from "../../config/duration.js";
import type { Config } from "../../config/schema.js";
import { addDeadline } from "../../kernel/business-days.js";
import { clocks } from "../../kernel/clocks.js";
import { onCallHolders } from "../../kernel/on-call.js";
import { severityConfig, vocabulary } from "../../kernel/projection/state-changes.js";
import type { SweepIncident } from "./sweep-snapshot.js";
import type { SweepTask } from "./sweep-task.js";

/**
 * The time-based rules of one incident (§10): update cadence, acknowledgement target,
 * the escalation policy (each level once), automatic severity escalation while it is
 * open; PIR reminders once it is resolved, until the PIR is merged.
 */
export function dueForIncident(now: Date, incident: SweepIncident, config: Config): SweepTask[] {
  const { state } = incident;
  if (!state.declaration) return [];
  const resolved = state.status === vocabulary(config).resolved;
  const actions = resolved ? pirReminders(now, incident, config) : openIncidentRules(now, incident, config);
  return actions.filter((action) => !incident.sent.has(action.key));
}

const unique = (handles: Array<string | null | undefined>) => [
  ...new Set(handles.filter((h): h is string => typeof h === "string" && h !== "")),
];

function openIncidentRules(now: Date, incident: SweepIncident, config: Config): SweepTask[] {
  const { state } = incident;
  const declared = state.times.declared ?? state.declaration?.at ?? now;
  // Escalations and reminders go to whoever is on call when they fire, not at declaration:
  // on an incident of several services with on-calls of their own, each service's.
  const services = state.form.services;
  const onCall = {
    primary: onCallHolders(config, services, now, "primary"),
    secondary: onCallHolders(config, services, now, "secondary"),
  };
  const roles = state.roles;
  const actions: SweepTask[] = [];
  // An automatic severity change happens first: the other rules already see the new
  // severity, so a second sweep at the same moment finds nothing left to do.
  const raised = autoSeverity(now, incident, declared, config);
  if (raised) actions.push(raised);
  const effective = raised?.kind === "auto-severity" ? { ...state, severity: raised.to } : state;
  const c = clocks(effective, config, now);

  // An escalation level for unacknowledged incidents already pages people; do not page twice.
  const policyCoversAck = config.escalation.some((level) => level.when === "unacknowledged");
  if (c.targets.acknowledge.kind === "overdue" && !policyCoversAck) {
    actions.push({
      kind: "ack-overdue",
      incident: incident.number,
      key: "ack",
      mentions: unique([...onCall.primary, ...onCall.secondary]),
      target: c.targets.acknowledge.target,
    });
  }

  // Seed plans 000 and 003: SEV-1 needs an incident commander within 15 minutes, SEV-2 within 30.
  if (c.targets.ic.kind === "overdue" && !roles.ic?.length) {
    actions.push({
      kind: "ic-overdue",
      incident: incident.number,
      key: "ic",
      mentions: unique([...onCall.primary, ...onCall.secondary]),
      target: c.targets.ic.target,
    });
  }

  const elapsed = now.getTime() - declared.getTime();
  actions.push(...commsPrompts(incident, effective.severity, elapsed, config, onCall.primary[0] ?? null));
  const lastUpdate = state.updates.at(-1)?.at ?? declared;
  config.escalation.forEach((level, index) => {
    const holds =
      level.when === "unacknowledged"
        ? state.times.acknowledged === null && elapsed >= level.after
        : level.when === "no-update"
          ? now.getTime() - lastUpdate.getTime() >= level.after
          : elapsed >= level.after;
    if (!holds) return;
    const mentions = unique(
      level.notify.flatMap((name) =>
        name === "primary" ? onCall.primary : name === "secondary" ? onCall.secondary : [name],
      ),
    );
    actions.push({
      kind: "escalation",
      incident: incident.number,
      key: `escalation:${index + 1}`,
      level: index + 1,
      when: level.when,
      after: level.after,
      mentions,
    });
  });

  const paging = effective.severity ? config.paging.severities[effective.severity] : undefined;
  if (
    config.paging.service !== "none" &&
    effective.severity &&
    paging?.mode === "notify" &&
    paging.pageAfter !== undefined &&
    state.times.acknowledged === null &&
    elapsed >= paging.pageAfter
  ) {
    actions.push({
      kind: "page-after",
      incident: incident.number,
      key: `page-after:${effective.severity}`,
      severity: effective.severity,
      after: paging.pageAfter,
      mentions: unique(onCall.primary),
    });
  }

  const cadence = severityConfig(config, effective.severity)?.updateEvery ?? null;
  if (c.updateOverdue && c.nextUpdateDue && cadence) {
    const responsible = unique([...(roles.ic ?? []), ...(roles.comms ?? [])]);
    // Once per cadence period without an update: the last update names the stretch.
    const period = Math.floor((now.getTime() - c.nextUpdateDue.getTime()) / cadence);
    actions.push({
      kind: "update-nudge",
      incident: incident.number,
      key: `update:${minute(lastUpdate)}:${period}`,
      mentions: responsible.length ? responsible : unique(onCall.primary),
      dueAt: c.nextUpdateDue,
    });
  }

  return actions;
}

/** Seed plans 000, 001: when to talk to customers; once per rule, and not after a public update. */
function commsPrompts(
  incident: SweepIncident,
  severity: string | null,
  elapsed: number,
  config: Config,
  primary: string | null,
): SweepTask[] {
  const { state } = incident;
  if (state.publicUpdates.length > 0 || !severity) return [];
  const names = new Set(
    [severity, ...(severityConfig(config, severity)?.aliases ?? [])].map((name) => name.toLowerCase()),
  );
  const people = unique([
    ...(state.roles.comms ?? []),
    ...(state.roles.comms?.length ? [] : (state.roles.ic ?? [])),
  ]);
  return config.commsPrompts.flatMap((rule, index): SweepTask[] =>
    rule.severities.some((name) => names.has(name.toLowerCase())) && elapsed >= (rule.after ?? 0)
      ? [
          {
            kind: "comms-prompt",
            incident: incident.number,
            key: `comms:${index + 1}`,
            mentions: people.length ? people : unique([primary]),
            reason: rule.reason,
          },
        ]
      : [],
  );
}

function autoSeverity(now: Date, incident: SweepIncident, declared: Date, config: Config): SweepTask | null {
  const { state } = incident;
  const since = state.severityChanges.at(-1)?.at ?? declared;
  const rule = config.autoEscalation.find(
    (r) => r.from === state.severity && now.getTime() - since.getTime() >= r.after,
  );
  if (!rule) return null;
  return {
    kind: "auto-severity",
    incident: incident.number,
    key: `auto:${rule.from}:${Math.floor(since.getTime() / 1000)}`,
    from: rule.from,
    to: rule.to,
    after: rule.after,
  };
}

const minute = (at: Date) => `${at.toISOString().slice(0, 16)}Z`;

function pirReminders(now: Date, incident: SweepIncident, config: Config): SweepTask[] {
  const { state } = incident;
  const resolvedAt = state.times.resolved;
  const pirDue = severityConfig(config, state.severity)?.pirDue ?? null;
  if (!resolvedAt || pirDue === null || incident.pirMergedAt) return [];
  const dueAt = addDeadline(resolvedAt, pirDue, config);
  const dueKey = minute(dueAt);
  const mentions = unique([state.roles.ic?.[0] ?? state.resolution?.by ?? state.declaration?.by]);
  const left = dueAt.getTime() - now.getTime();
  if (left > 0) {
    if (left > config.reminders.pirDueSoon) return [];
    return [
      {
        kind: "pir-reminder",
        incident: incident.number,
        key: `pir:soon:${dueKey}`,
        window: "soon",
        dueAt,
        mentions,
      },
    ];
  }
  const window = Math.floor(-left / config.reminders.overdueEvery);
  return [
    {
      kind: "pir-reminder",
      incident: incident.number,
      key: `pir:overdue:${dueKey}:${window}`,
      window: "overdue",
      dueAt,
      mentions,
    },
  ];
}

/** `4h`, `1h 30m`: how an `after` reads in a marker field (no spaces) and back. */
export function afterText(ms: number): string {
  return formatDuration(ms).replace(/\s+/g, "");
}
