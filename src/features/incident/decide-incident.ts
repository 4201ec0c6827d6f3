import { createHash } from "node:crypto";
import { formatCommandError } from "../../commands/index.js";
import { formatDuration } from "../../config/duration.js";
import type { Config } from "../../config/schema.js";
import { appArtifacts } from "../../kernel/app-artifacts.js";
import { whoMay } from "../../kernel/association-names.js";
import type { HistoryComment, IssueHistory } from "../../kernel/history.js";
import { idFromTitle, nextId, resolveClash, withIdPrefix } from "../../kernel/incident-id.js";
import type { Acknowledgement, IncidentState } from "../../kernel/incident-state.js";
import { marker } from "../../kernel/markers.js";
import { onCallAt, runbookFor } from "../../kernel/on-call.js";
import type { Plan, Write } from "../../kernel/plan.js";
import { type ProjectionContext, project } from "../../kernel/projection/project-history.js";
import { severityConfig, vocabulary } from "../../kernel/projection/state-changes.js";
import { fitComment } from "../../render/fit-comment.js";
import { withTemplateOverrides } from "../../render/renderer.js";
import { NO_TEMPLATE_OVERRIDES, type TemplateOverrides } from "../../render/template-overrides.js";
import { planActionItems } from "../action-items/plan-action-items.js";
import { decideFreezeChecks } from "../code-response/decide-freeze.js";
import { decideHotfix } from "../code-response/decide-hotfix.js";
import { decidePir } from "../code-response/decide-pir.js";
import { decideRevert } from "../code-response/decide-revert.js";
import { planReviewItems } from "../code-response/plan-review-items.js";
import { selectSuspects } from "../code-response/suspects.js";
import type { ChatNotice } from "../outward/chat-notice.js";
import { decideOutward, type OutwardInput, publicReminder } from "../outward/decide-outward.js";
import { leftToOwnDelivery, type TriggeringEvent } from "./answered-elsewhere.js";
import { labelSpecs } from "./label-specs.js";
import {
  commsDraftMessage,
  declarationMessage,
  escalationMessage,
  helpMessage,
  type MessageContext,
  replyMessage,
  resolutionMessage,
  triageMessage,
  updateMessage,
} from "./messages.js";
import { templateProblemsReply } from "./template-problems.js";
import { renderTimeline, timelineMarker } from "./timeline-view.js";

/**
 * decide(history, config, now) -> plan: everything the incident should look like,
 * compared with what it looks like, as a list of writes. Pure apart from reading
 * templates once; applying a plan and deciding again from the result yields nothing.
 */
export interface DecideInput extends ProjectionContext {
  history: IssueHistory;
  now: Date;
  /** Create labels the repo lacks (the caller does this at most once per repo and process). */
  checkLabels: boolean;
  /** The last 90 days in numbers, read by the caller only when a `/metrics` waits for an answer. */
  metricsSummary?: string;
  /** What this event already did outside GitHub's issue (the status page). */
  outward?: OutwardInput;
  /** The repo's template overrides (`.github/incident-templates/`); none by default. */
  templates?: TemplateOverrides;
  /** The webhook being handled; without it every comment is answered now (dry runs, tests). */
  event?: TriggeringEvent;
}

export interface Decision {
  state: IncidentState;
  plan: Plan;
  /** Chat notices claimed by this plan's timeline write: send them once it is applied. */
  notices: ChatNotice[];
  /** The status site must be published before this plan is applied. */
  publication: { hash: string | null } | null;
}

const short = (text: string) => createHash("sha1").update(text).digest("hex").slice(0, 8);

export function decideIncident(input: DecideInput): Decision {
  const templates = input.templates ?? NO_TEMPLATE_OVERRIDES;
  const { result, problems } = withTemplateOverrides(templates, () => decideWithTemplates(input));
  if (result.state.declaration) {
    const reply = templateProblemsReply(input.history, input.botLogin, [...templates.problems, ...problems]);
    if (reply) result.plan.push(reply);
  }
  return result;
}

function decideWithTemplates(input: DecideInput): Decision {
  const { history, config, botLogin, now } = input;
  const state = project(history, input);
  const artifacts = appArtifacts(history, botLogin);
  const plan: Plan = [];
  const issue = history.issue;
  let notices: ChatNotice[] = [];
  let publication: Decision["publication"] = null;

  if (input.checkLabels) {
    const present = new Set(history.repo.labels.map((label) => label.name));
    const missing = labelSpecs(config).filter((label) => !present.has(label.name));
    if (missing.length) plan.push({ kind: "create-labels", labels: missing });
  }

  const id = state.declaration ? chooseId(state, history) : null;
  state.id = id;
  const issueWrite = issueChanges(state, history, config, id, artifacts.declarations.length === 0);
  if (issueWrite) plan.push(issueWrite);

  const reply = (key: string, body: (marker: string) => string) => {
    if (artifacts.replies.has(key)) return;
    artifacts.replies.add(key);
    plan.push({ kind: "add-comment", purpose: "reply", body: body(marker("reply", { key })) });
  };
  const title = issue.title.replace(/^\s*\[INC-\d{8}-\d{3,}\]\s*/, "");
  // Messages answering a command describe the incident as it was when the command was typed,
  // so a reply posted late (a missed webhook healed by a later event) still tells the truth.
  const message = (markerText: string, asOf: Date | null = null): MessageContext => ({
    state: asOf ? projectAsOf(history, input, asOf) : state,
    config,
    now: asOf ?? now,
    title,
    marker: markerText,
  });

  acknowledge(state, plan, reply, message, input);
  // Two handlers racing (replicas, concurrent deliveries) can both post a reply: keep the oldest.
  for (const [, [, ...extra]] of artifacts.replyComments)
    for (const duplicate of extra)
      plan.push({ kind: "delete-comment", purpose: "reply", commentId: duplicate.id });
  if (state.declaration) plan.push(...planActionItems(state, history, config));

  if (state.triage && issue.author) {
    const author = issue.author.login;
    reply("triage", (m) => triageMessage(m, author, config));
  }

  if (state.declaration && id) {
    const declaredAt = state.declaration.at;
    // Rendered only when it is written: it projects the incident again as it was then.
    const body = () =>
      declarationMessage(message(marker("declaration", { id }), declaredAt), {
        id,
        onCall: onCallAt(config, declaredAt).primary,
        runbook: runbookFor(config, state.form.services, `${title}\n${state.form.impact ?? ""}`),
        // Security incidents in public repositories keep their impact and links off the issue.
        withhold: state.security && !history.repo.private,
        suspects: selectSuspects(state, history, config),
      });
    const [first, ...extra] = artifacts.declarations;
    if (!first) plan.push({ kind: "add-comment", purpose: "declaration", body: body() });
    else if (!first.body.includes(marker("declaration", { id })))
      plan.push({ kind: "update-comment", purpose: "declaration", commentId: first.id, body: body() });
    for (const duplicate of extra)
      plan.push({ kind: "delete-comment", purpose: "declaration", commentId: duplicate.id });

    const outward = decideOutward(state, history, artifacts, {
      config,
      botLogin,
      id,
      title,
      input: input.outward ?? {},
      reply,
    });
    notices = outward.notices;
    publication = outward.publication;
    // Code response goes before the timeline, so the timeline's write is the last and verifies.
    const code = { state, history, config, botLogin, now, id, artifacts, plan };
    decideFreezeChecks(code);
    decideHotfix(code);
    decideRevert(code);
    decidePir(code, title);
    planReviewItems(code);

    const timeline = renderTimeline({ state, config, now, issueUrl: issue.url, ledger: outward.ledger });
    const [current, ...others] = artifacts.timelines;
    for (const duplicate of others)
      plan.push({ kind: "delete-comment", purpose: "timeline", commentId: duplicate.id });
    // A pull request or action item created now shows on the timeline next round:
    // write the timeline once, then.
    const createsNow =
      current &&
      plan.some(
        (write) =>
          write.kind === "revert-pull" || write.kind === "create-pull" || write.kind === "create-issue",
      );
    if (!current) plan.push({ kind: "add-comment", purpose: "timeline", body: timeline.body });
    else if (
      !createsNow &&
      (timelineMarker(current.body) !== timelineMarker(timeline.body) ||
        (rebuildRequested(state) && current.body !== timeline.body))
    )
      plan.push({ kind: "update-comment", purpose: "timeline", commentId: current.id, body: timeline.body });
    // Notices are claimed by the timeline's write; without that write this round, they wait for the next.
    const writesTimeline = plan.some(
      (write) =>
        (write.kind === "add-comment" || write.kind === "update-comment") && write.purpose === "timeline",
    );
    if (!writesTimeline) notices = [];
  }
  return { state, plan: plan.map(withinLimit), notices, publication };
}

/** The incident as it was at `asOf`: history up to then, code rows up to then. */
function projectAsOf(history: IssueHistory, input: DecideInput, asOf: Date): IncidentState {
  const earlier = project({ ...history, items: history.items.filter((item) => item.at <= asOf) }, input);
  earlier.entries = earlier.entries.filter((entry) => entry.at <= asOf);
  return earlier;
}

function withinLimit(write: Write): Write {
  return write.kind === "add-comment" || write.kind === "update-comment" || write.kind === "comment-on"
    ? { ...write, body: fitComment(write.body) }
    : write;
}

function chooseId(state: IncidentState, history: IssueHistory): string {
  const recent = history.repo.recentIncidents;
  const declaredAt = state.declaration?.at ?? history.issue.createdAt;
  if (!state.id) return nextId(declaredAt, recent ?? [], history.issue.number);
  return recent ? resolveClash(state.id, history.issue.number, recent) : state.id;
}

/** Title, labels, assignees and open/closed as the state says they should be. */
function issueChanges(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
  id: string | null,
  declaring: boolean,
): Write | null {
  const { issue } = history;
  const words = vocabulary(config);
  const ours = new Set([
    config.labels.incident,
    config.labels.triage,
    config.labels.freeze,
    ...config.severities.map((severity) => severity.name),
    ...config.statuses.map(words.statusLabel),
  ]);
  const wanted: string[] = [];
  if (state.declaration) {
    wanted.push(
      config.labels.incident,
      state.severity ?? words.defaultSeverity,
      words.statusLabel(state.status),
      ...(state.freeze.active ? [config.labels.freeze] : []),
    );
  } else if (state.triage) wanted.push(config.labels.triage);
  else if (issue.labels.includes(config.labels.incident)) wanted.push(config.labels.incident);
  const labels = [...issue.labels.filter((label) => !ours.has(label)), ...wanted];

  const assignees = new Set(issue.assignees);
  if (state.declaration && declaring && !state.roles.ic?.length) {
    const primary = onCallAt(config, state.declaration.at).primary;
    if (primary && !primary.includes("/")) assignees.add(primary);
  }
  const ic = state.roles.ic?.[0];
  if (ic && !ic.includes("/") && newlyAssignsIc(state)) assignees.add(ic);

  const write: Extract<Write, { kind: "update-issue" }> = { kind: "update-issue" };
  if (state.declaration && id) {
    if (idFromTitle(issue.title) !== id) write.title = withIdPrefix(issue.title, id);
  }
  if (!sameSet(labels, issue.labels)) write.labels = labels;
  if (assignees.size !== issue.assignees.length) write.assignees = [...assignees].slice(0, 10);
  if (state.declaration) {
    const closed = state.status === words.resolved;
    if (closed && issue.state === "OPEN") {
      write.state = "closed";
      write.stateReason = "completed";
    } else if (!closed && issue.state === "CLOSED") {
      write.state = "open";
    }
  }
  return Object.keys(write).length > 1 ? write : null;
}

/** A new `/timeline` compares the whole body, in case someone edited the app's comment by hand. */
function rebuildRequested(state: IncidentState): boolean {
  return state.acknowledgements.some(
    (ack) =>
      ack.kind === "accepted" &&
      ack.command.kind === "timeline" &&
      !ack.comment.appReactions.includes("EYES"),
  );
}

/** IC set by a command the app has not answered yet: assign them once, never fight people later. */
function newlyAssignsIc(state: IncidentState): boolean {
  return state.acknowledgements.some(
    (ack) =>
      ack.kind === "accepted" &&
      !ack.comment.appReactions.includes("EYES") &&
      (ack.command.kind === "ack" || (ack.command.kind === "role" && ack.command.role === "ic")),
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

type ReplyFn = (key: string, body: (marker: string) => string) => void;

/** 👀 for what was accepted, 😕 and one reply per comment for what was not, content replies once. */
function acknowledge(
  state: IncidentState,
  plan: Plan,
  reply: ReplyFn,
  message: (marker: string, asOf?: Date | null) => MessageContext,
  input: DecideInput,
) {
  const { config } = input;
  const reacted = new Set<string>();
  const react = (comment: HistoryComment, content: "EYES" | "CONFUSED") => {
    const key = `${comment.id}:${content}`;
    if (reacted.has(key) || comment.appReactions.includes(content)) return;
    reacted.add(key);
    plan.push({ kind: "react", subjectId: comment.id, content });
  };
  const problems = new Map<HistoryComment, string[]>();
  const outsiders = new Set<string>();
  for (const ack of state.acknowledgements) {
    if (leftToOwnDelivery(ack.comment, input.event, input.now)) continue;
    if (ack.kind === "outsider") {
      const login = ack.comment.author?.login ?? "ghost";
      // Every such comment gets 😕; the explanation goes to each person once.
      react(ack.comment, "CONFUSED");
      if (outsiders.has(login)) continue;
      outsiders.add(login);
      reply(`outsider:${login}`, (m) =>
        replyMessage(
          m,
          [
            `Thanks, @${login}. Incident commands can only be run by ${whoMay(config.permissions.commands)}, so this one was not applied. Ask the incident commander to run it, or comment without the leading \`/\`.`,
          ],
          "",
        ),
      );
      continue;
    }
    if (ack.kind === "rejected" || ack.kind === "refused") {
      react(ack.comment, "CONFUSED");
      const text =
        ack.kind === "rejected" ? formatCommandError(ack.error) : `\`${lineOf(ack)}\`: ${ack.reason}`;
      problems.set(ack.comment, [...(problems.get(ack.comment) ?? []), text]);
      continue;
    }
    react(ack.comment, "EYES");
    contentReply(state, ack, reply, message, input);
  }
  for (const [comment, lines] of problems) {
    reply(`${comment.databaseId}:problems:${short(lines.join("\n"))}`, (m) =>
      replyMessage(
        m,
        lines,
        lines.length > 1
          ? `@${comment.author?.login ?? "ghost"}, ${lines.length} commands were not applied:`
          : "",
        "Editing the comment re-runs its commands.",
      ),
    );
  }
}

function lineOf(ack: Extract<Acknowledgement, { kind: "refused" }>): string {
  const line = ack.comment.body.split("\n")[ack.line - 1] ?? `/${ack.command.kind}`;
  return line.trim().slice(0, 80).replace(/`/g, "'");
}

/** Replies that answer one command line are keyed by comment, line and what the line says. */
export function contentReplyKey(ack: Extract<Acknowledgement, { kind: "accepted" }>): string {
  return `${ack.comment.databaseId}:${ack.line}:${short(JSON.stringify(ack.command))}`;
}

const METRICS_TEXT = /\/metrics/i;

/** True when a `/metrics` has no answer yet, so the caller reads the numbers for it. */
export function awaitsMetrics(input: DecideInput): boolean {
  // Most incidents never see the command: no need to project them to find out.
  if (!input.history.items.some((item) => item.type === "comment" && METRICS_TEXT.test(item.body)))
    return false;
  const artifacts = appArtifacts(input.history, input.botLogin);
  return project(input.history, input).acknowledgements.some(
    (ack) =>
      ack.kind === "accepted" &&
      ack.command.kind === "metrics" &&
      !artifacts.replies.has(contentReplyKey(ack)),
  );
}

function contentReply(
  state: IncidentState,
  ack: Extract<Acknowledgement, { kind: "accepted" }>,
  reply: ReplyFn,
  message: (marker: string, asOf?: Date | null) => MessageContext,
  input: DecideInput,
) {
  const { config } = input;
  const { comment, command } = ack;
  const author = comment.author?.login ?? "ghost";
  const key = contentReplyKey(ack);
  switch (command.kind) {
    case "help":
      reply(key, (m) => helpMessage(m, author, config));
      return;
    case "metrics":
      if (input.metricsSummary) reply(key, (m) => `${m}\n${input.metricsSummary}`);
      return;
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
          : replyMessage(
              m,
              [
                "No escalation policy or secondary on-call is configured, so nobody was notified. Add `escalation` or `onCall.secondary` to `.github/incident.yml`, or mention people directly.",
              ],
              "",
            ),
      );
      return;
    }
    default:
      return;
  }
}

/** Seed plan 003: monitor 15 min (SEV-1/2) or 30 min (SEV-3) after mitigation before resolving. */
function monitoringWarning(state: IncidentState, config: Config): string | null {
  const window = severityConfig(config, state.severity)?.monitoringWindow;
  const { mitigated, resolved } = state.times;
  // No mitigation recorded before resolving: nothing was watched, and nothing to warn about.
  if (!window || !mitigated || !resolved || mitigated.getTime() >= resolved.getTime()) return null;
  const watched = resolved.getTime() - mitigated.getTime();
  if (watched >= window) return null;
  return `Resolved ${formatDuration(watched)} after mitigation; the plan asks to monitor for ${formatDuration(window)} before resolving. Keep an eye on it, and \`/reopen\` if it comes back.`;
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
  const onCall = onCallAt(config, state.declaration?.at ?? comment.at);
  const resolveNames = (names: readonly string[]) =>
    names.flatMap((name) => {
      if (name === "primary") return onCall.primary ? [onCall.primary] : [];
      if (name === "secondary") return onCall.secondary ? [onCall.secondary] : [];
      return [name.replace(/^@/, "")];
    });
  const level = config.escalation[Math.min(earlier, config.escalation.length - 1)];
  if (level) {
    return {
      mentions: resolveNames(level.notify),
      reason: `escalated by hand to level ${Math.min(earlier, config.escalation.length - 1) + 1} of the policy; please join the response.`,
    };
  }
  return {
    mentions: onCall.secondary ? [onCall.secondary] : [],
    reason: "escalated by hand to the secondary on-call; please join the response.",
  };
}
