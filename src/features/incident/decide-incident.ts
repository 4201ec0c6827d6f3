import type { Config } from "../../config/schema.js";
import { appArtifacts } from "../../kernel/app-artifacts.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { marker } from "../../kernel/markers.js";
import { primariesByService, runbookFor, withServiceOnCall } from "../../kernel/on-call.js";
import type { Plan, Write } from "../../kernel/plan.js";
import { project } from "../../kernel/projection/project-history.js";
import { fitComment } from "../../render/fit-comment.js";
import { type Templates, templatesWith } from "../../render/renderer.js";
import { NO_TEMPLATE_OVERRIDES } from "../../render/template-overrides.js";
import { planActionItems } from "../action-items/plan-action-items.js";
import { decideChecklist } from "../checklists/decide-checklist.js";
import { decideFreezeChecks } from "../code-response/decide-freeze.js";
import { decideHotfix } from "../code-response/decide-hotfix.js";
import { decidePir } from "../code-response/decide-pir.js";
import { decideRevert } from "../code-response/decide-revert.js";
import { decideRollback, recordRollbackStatus } from "../code-response/decide-rollback.js";
import { planReviewItems } from "../code-response/plan-review-items.js";
import { selectSuspects } from "../code-response/suspects.js";
import type { ChatNotice } from "../outward/chat-notice.js";
import { decideOutward } from "../outward/decide-outward.js";
import { answerCommands } from "./answer-commands.js";
import type { DecideInput, Decision, MessageFn, ReplyFn } from "./decide-input.js";
import { chooseId, issueChanges } from "./issue-changes.js";
import { labelSpecs } from "./label-specs.js";
import { declarationMessage, triageMessage } from "./messages.js";
import { decideMoveCommand } from "./move-command.js";
import { organisationMove, organisationMoveFailed } from "./organisation-move.js";
import { planTimeline } from "./plan-timeline.js";
import { findRecurrences } from "./recurrence.js";
import { securityMove, securityReplies } from "./security-move.js";
import { templateProblemsReply } from "./template-problems.js";
import { renderTimeline } from "./timeline-view.js";

export { awaitsIncidentList, awaitsMetrics, contentReplyKey } from "./command-replies.js";
export type { DecideInput, Decision } from "./decide-input.js";

/**
 * decide(history, config, now) -> plan: everything the incident should look like,
 * compared with what it looks like, as a list of writes. Pure apart from reading
 * templates once; applying a plan and deciding again from the result yields nothing.
 * The rooms it composes (code response, action items, outward) each add their writes.
 */
export function decideIncident(given: DecideInput): Decision {
  const overrides = given.templates ?? NO_TEMPLATE_OVERRIDES;
  const templates = templatesWith(overrides);
  // A rollback's deployment status is recorded first, so the timeline shows it in the same write.
  const status = given.event?.rollbackStatus;
  const recorded = status ? recordRollbackStatus(given.history, given.botLogin, status) : null;
  const withHistory = recorded ? { ...given, history: recorded.history } : given;
  // An affected service with an on-call of its own decides who is assigned and paged.
  const perService = Object.values(withHistory.config.services).some((service) => service.onCall);
  const services = perService ? project(withHistory.history, withHistory).form.services : [];
  const serviceConfig = withServiceOnCall(withHistory.config, services);
  const input =
    serviceConfig === withHistory.config ? withHistory : { ...withHistory, config: serviceConfig };
  const result = decideWith(input, templates);
  if (recorded && result.state.declaration) result.plan.unshift(recorded.write);
  if (result.state.declaration) {
    const problems = [...overrides.problems, ...templates.problems];
    const reply = templateProblemsReply(input.history, input.botLogin, problems);
    if (reply) result.plan.push(reply);
  }
  return result;
}

function decideWith(input: DecideInput, templates: Templates): Decision {
  const { history, config, botLogin, now } = input;
  const state = project(history, input);
  const artifacts = appArtifacts(history, botLogin);
  const plan: Plan = [];
  const issue = history.issue;
  let notices: ChatNotice[] = [];
  let publication: Decision["publication"] = null;
  const moveFailure = input.moveFailure ?? null;
  // A security incident in a public repository moves before the app writes anything at all.
  const move = securityMove(state, history, config, moveFailure);
  if (move) return { state, plan: [], notices: [], publication: null, move };

  if (input.checkLabels) {
    const present = new Set(history.repo.labels.map((label) => label.name));
    const missing = labelSpecs(config).filter((label) => !present.has(label.name));
    if (missing.length) plan.push({ kind: "create-labels", labels: missing });
  }

  const id = state.declaration ? chooseId(state, history) : null;
  state.id = id;
  const issueWrite = issueChanges(state, history, config, id, artifacts.declarations.length === 0);
  if (issueWrite) plan.push(issueWrite);

  const reply: ReplyFn = (key, body) => {
    if (artifacts.replies.has(key)) return;
    artifacts.replies.add(key);
    plan.push({ kind: "add-comment", purpose: "reply", body: body(marker("reply", { key })) });
  };
  const title = issue.title.replace(/^\s*\[INC-\d{8}-\d{3,}\]\s*/, "");
  // Messages answering a command describe the incident as it was when the command was typed,
  // so a reply posted late (a missed webhook healed by a later event) still tells the truth.
  const message: MessageFn = (markerText, asOf = null) => ({
    state: asOf ? projectAsOf(history, input, asOf) : state,
    config,
    now: asOf ?? now,
    title,
    marker: markerText,
    templates,
  });

  answerCommands(state, plan, reply, message, input, templates);
  securityReplies(state, history, config, botLogin, moveFailure, reply);
  organisationMoveFailed(state, config, history, moveFailure, reply);
  // Told once per failure (its key), like a refused code write of the plan: `⚠️ what: why.`
  for (const { failure, reason } of input.writeFailures ?? [])
    if (!artifacts.replies.has(failure.key)) {
      artifacts.replies.add(failure.key);
      plan.push({
        kind: "add-comment",
        purpose: "reply",
        body: `${failure.marker}\n⚠️ ${failure.what}: ${reason}.\n`,
      });
    }
  const moveCommand = decideMoveCommand(state, history, input, artifacts.replies, reply);
  // Two handlers racing (replicas, concurrent deliveries) can both post a reply: keep the oldest.
  for (const [, [, ...extra]] of artifacts.replyComments)
    for (const duplicate of extra)
      plan.push({ kind: "delete-comment", purpose: "reply", commentId: duplicate.id });
  if (state.declaration) plan.push(...planActionItems(state, history, config, templates));

  if (state.triage && issue.author) {
    const author = issue.author.login;
    reply("triage", (m) => triageMessage(templates, m, author, config));
  }

  if (state.declaration && id) {
    const declaredAt = state.declaration.at;
    // Rendered only when it is written: it projects the incident again as it was then.
    const body = () =>
      declarationMessage(message(marker("declaration", { id }), declaredAt), {
        id,
        onCall: primariesByService(config, state.form.services, declaredAt),
        paged: pagesOnDeclaration(config, state),
        runbook: runbookFor(config, state.form.services, `${title}\n${state.form.impact ?? ""}`),
        // Security incidents in public repositories keep their impact and links off the issue.
        withhold: state.security && !history.repo.private,
        suspects: selectSuspects(state, history, config),
        recurrences: findRecurrences(state, history, botLogin, input.formTemplate, config.recurrence.window),
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
    const checklist = decideChecklist({
      history,
      botLogin,
      config,
      id,
      severity: state.severity,
      reference: declaredAt,
      edit: input.event?.checklistEdit ?? null,
      templates,
    });
    plan.push(...checklist.writes);
    state.checklist = checklist.checklist;
    state.entries = [...state.entries, ...checklist.entries].sort((a, b) => a.at.getTime() - b.at.getTime());
    // Code response goes before the timeline, so the timeline's write is the last and verifies.
    const code = {
      ...{ state, history, config, botLogin, now, id, artifacts, plan, templates },
      formTemplate: input.formTemplate,
    };
    decideFreezeChecks(code);
    decideHotfix(code);
    decideRollback(code);
    decideRevert(code);
    decidePir(code, title);
    planReviewItems(code);

    const timeline = renderTimeline({
      state,
      config,
      now,
      issueUrl: issue.url,
      ledger: outward.ledger,
      templates,
    });
    // Notices are claimed by the timeline's write; without that write this round, they wait for the next.
    if (!planTimeline(state, artifacts, plan, timeline)) notices = [];
  }
  // Declared and written, nothing left to do here: the incident may move. A `/move` does not
  // wait for its 👀: the reaction is made where the incident arrives, with the command's answer.
  const onlyReactions = plan.every((write) => write.kind === "react");
  const relocate =
    (onlyReactions ? moveCommand : null) ??
    (plan.length === 0 ? organisationMove(state, history, config, moveFailure) : null);
  return { state, plan: plan.map(withinLimit), notices, publication, ...(relocate ? { relocate } : {}) };
}

/** The declaration's page goes out: a paging service, a severity that pages or notifies, not a drill. */
function pagesOnDeclaration(config: Config, state: IncidentState): boolean {
  const mode = state.severity ? config.paging.severities[state.severity]?.mode : undefined;
  return config.paging.service !== "none" && mode !== undefined && mode !== "none" && !state.drill;
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
