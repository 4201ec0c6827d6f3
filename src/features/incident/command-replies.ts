import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
import { appArtifacts } from "../../kernel/app-artifacts.js";
import type { HistoryComment } from "../../kernel/history.js";
import type { Acknowledgement, IncidentState } from "../../kernel/incident-state.js";
import { nextHandover, onCallAt } from "../../kernel/on-call.js";
import { project } from "../../kernel/projection/project-history.js";
import { severityConfig } from "../../kernel/projection/state-changes.js";
import { replyMessage } from "../../render/command-reply.js";
import { dateTime, zoneLabel } from "../../render/format-time.js";
import type { Templates } from "../../render/renderer.js";
import { publicReminder } from "../outward/decide-outward.js";
import type { DecideInput, MessageFn, ReplyFn } from "./decide-input.js";
import { incidentWords } from "./incident-words.js";
import {
  commsDraftMessage,
  escalationMessage,
  helpMessage,
  resolutionMessage,
  updateMessage,
} from "./messages.js";

/**
 * The replies that answer a command with content (`/help`, `/metrics`, `/comms draft`,
 * `/update`, `/resolve`, `/escalate`): each once, keyed by the comment and line.
 * Commands that only change state are answered by the 👀 reaction and the timeline.
 */
export const short = (text: string) => createHash("sha1").update(text).digest("hex").slice(0, 8);

/** Replies that answer one command line are keyed by comment, line and what the line says. */
export function contentReplyKey(ack: Extract<Acknowledgement, { kind: "accepted" }>): string {
  return `${ack.comment.databaseId}:${ack.line}:${short(JSON.stringify(ack.command))}`;
}

/** Commands whose answer needs a read of other issues, which the caller makes only when one waits. */
type ReadingCommand = "metrics" | "incidents";
const COMMAND_TEXT: Record<ReadingCommand, RegExp> = { metrics: /\/metrics/i, incidents: /\/incidents/i };

/** True when a `/metrics` has no answer yet, so the caller reads the numbers for it. */
export function awaitsMetrics(input: DecideInput): boolean {
  return awaitsAnswer(input, "metrics");
}

/** True when an `/incidents` has no answer yet, so the caller reads the open incidents for it. */
export function awaitsIncidentList(input: DecideInput): boolean {
  return awaitsAnswer(input, "incidents");
}

function awaitsAnswer(input: DecideInput, kind: ReadingCommand): boolean {
  // Most incidents never see the command: no need to project them to find out.
  if (!input.history.items.some((item) => item.type === "comment" && COMMAND_TEXT[kind].test(item.body)))
    return false;
  const artifacts = appArtifacts(input.history, input.botLogin);
  return project(input.history, input).acknowledgements.some(
    (ack) =>
      ack.kind === "accepted" && ack.command.kind === kind && !artifacts.replies.has(contentReplyKey(ack)),
  );
}

/** The commands `contentReply` answers with a comment: the others need no key (a hash per command line). */
type AcceptedKind = Extract<Acknowledgement, { kind: "accepted" }>["command"]["kind"];
const ANSWERED: ReadonlySet<AcceptedKind> = new Set<AcceptedKind>([
  "help",
  "oncall",
  "page",
  "metrics",
  "incidents",
  "comms-draft",
  "update",
  "resolve",
  "status",
  "escalate",
]);

export function contentReply(
  state: IncidentState,
  ack: Extract<Acknowledgement, { kind: "accepted" }>,
  reply: ReplyFn,
  message: MessageFn,
  input: DecideInput,
  templates: Templates,
) {
  const { config } = input;
  const { comment, command } = ack;
  if (!ANSWERED.has(command.kind)) return;
  const author = comment.author?.login ?? "ghost";
  const key = contentReplyKey(ack);
  switch (command.kind) {
    case "help":
      reply(key, (m) => helpMessage(templates, m, author, config));
      return;
    case "oncall":
      reply(key, (m) => replyMessage(templates, m, [onCallText(config, comment.at)], ""));
      return;
    case "page": {
      const { target } = command;
      const whomKey =
        target.kind === "service"
          ? `service-${target.name}`
          : target.kind === "role"
            ? onCallAt(config, comment.at)[target.role]
            : target.login === "me"
              ? author
              : target.login;
      const paged = state.entries.find(
        (entry) =>
          entry.commentId === comment.databaseId &&
          entry.page?.key === `page-${comment.databaseId}-${whomKey}`,
      );
      if (!paged?.page) return;
      const [to] = paged.page.to as [string];
      const whom = to.startsWith("service:") ? `the ${to.slice(8)} service` : `@${to}`;
      const text = state.drill
        ? incidentWords.pageInDrill(whom)
        : incidentWords.paged(whom, config.paging.service === "opsgenie" ? "Opsgenie" : "PagerDuty");
      reply(key, (m) => replyMessage(templates, m, [text], ""));
      return;
    }
    case "metrics":
      if (input.metricsSummary) reply(key, (m) => `${m}\n${input.metricsSummary}`);
      return;
    case "incidents": {
      const list = input.incidentList;
      if (list !== undefined) reply(key, (m) => `${m}\n${list}`);
      return;
    }
    case "comms-draft":
      reply(key, (m) => commsDraftMessage(message(m, comment.at)));
      return;
    case "update": {
      const update = state.updates.find((u) => u.commentId === comment.databaseId && u.text === command.text);
      if (update) reply(key, (m) => updateMessage(message(m, comment.at), update));
      return;
    }
    case "resolve":
    case "status": {
      const resolution = state.resolution;
      if (!resolution || resolution.at.getTime() !== comment.at.getTime() || resolution.by !== author) return;
      const warnings = [monitoringWarning(state, config), publicReminder(state, config)];
      reply(`${comment.databaseId}:resolved`, (m) =>
        resolutionMessage(message(m, comment.at), warnings.filter(Boolean).join("\n\n⚠️ ") || null),
      );
      return;
    }
    case "escalate": {
      const { mentions, reason } = escalationTargets(state, config, comment);
      reply(key, (m) =>
        mentions.length
          ? escalationMessage(message(m, comment.at), { mentions, reason, note: command.note, by: author })
          : replyMessage(templates, m, [incidentWords.noEscalationPolicy], ""),
      );
      return;
    }
    default:
      return;
  }
}

/** Who is on call at the comment's moment and at the next handover (rotation or override). */
function onCallText(config: Config, at: Date): string {
  const now = onCallAt(config, at);
  if (!now.primary && !now.secondary) return incidentWords.onCallNone;
  const handover = nextHandover(config, at);
  const stamp = (time: Date) => `${dateTime(time, config.timeZone)} ${zoneLabel(config.timeZone)}`;
  const lines = [incidentWords.onCallNow(now.primary, now.secondary, handover ? stamp(handover) : null)];
  if (handover) {
    const next = onCallAt(config, handover);
    lines.push(incidentWords.onCallNext(next.primary, next.secondary, stamp(handover)));
  }
  return lines.join("\n");
}

/** Seed plan 003: monitor 15 min (SEV-1/2) or 30 min (SEV-3) after mitigation before resolving. */
function monitoringWarning(state: IncidentState, config: Config): string | null {
  const window = severityConfig(config, state.severity)?.monitoringWindow;
  const { mitigated, resolved } = state.times;
  // No mitigation recorded before resolving: nothing was watched, and nothing to warn about.
  if (!window || !mitigated || !resolved || mitigated.getTime() >= resolved.getTime()) return null;
  const watched = resolved.getTime() - mitigated.getTime();
  if (watched >= window) return null;
  return incidentWords.resolvedTooSoon(watched, window);
}

/** `/escalate` notifies the next level of the policy that has not been notified by an earlier `/escalate`. */
function escalationTargets(
  state: IncidentState,
  config: Config,
  comment: HistoryComment,
): { mentions: string[]; reason: string } {
  const earlier = state.acknowledgements.filter(
    (ack) => ack.kind === "accepted" && ack.command.kind === "escalate" && ack.comment.at < comment.at,
  ).length;
  // The shift at the moment of the `/escalate`, not at declaration.
  const onCall = onCallAt(config, comment.at);
  const resolveNames = (names: readonly string[]) =>
    names.flatMap((name) => {
      if (name === "primary") return onCall.primary ? [onCall.primary] : [];
      if (name === "secondary") return onCall.secondary ? [onCall.secondary] : [];
      return [name.replace(/^@/, "")];
    });
  const index = Math.min(earlier, config.escalation.length - 1);
  const level = config.escalation[index];
  if (level)
    return { mentions: resolveNames(level.notify), reason: incidentWords.escalatedToLevel(index + 1) };
  return { mentions: onCall.secondary ? [onCall.secondary] : [], reason: incidentWords.escalatedToSecondary };
}
