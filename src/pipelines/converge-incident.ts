import type { Logger } from "probot";
import type { Config } from "../config/schema.js";
import type { TriggeringEvent } from "../features/incident/answered-elsewhere.js";
import { decideIncident } from "../features/incident/decide-incident.js";
import type { Relocation } from "../features/incident/decide-input.js";
import { incidentWords } from "../features/incident/incident-words.js";
import type { OutwardInput } from "../features/outward/decide-outward.js";
import { applyPlanBatched } from "../github/apply-batched.js";
import type { Octokit, Target } from "../github/client.js";
import { leavePointer, type MoveResult, moveIssue, movePrivately } from "../github/move-issue.js";
import { type Deferred, deferredMutation, type PublishFiles } from "../github/publish-files.js";
import { purgeDue, trustOf } from "../github/read-basis.js";
import { type HistoryVariables, historyVariables, readHistory } from "../github/read-history.js";
import type { RawSiteRepository } from "../github/read-status-site.js";
import type { IssueHistory } from "../kernel/history.js";
import type { IncidentState } from "../kernel/incident-state.js";
import { marker } from "../kernel/markers.js";
import type { WriteFailure } from "../kernel/plan.js";
import type { ChatDeps } from "../outside/chat/chat-deps.js";
import type { WarRoomDeps } from "../outside/slack/slack-deps.js";
import type { TemplateOverrides } from "../render/template-overrides.js";
import { type PublishSiteInput, publishForIncident } from "./publish-status-site.js";
import { sendNotices } from "./send-notices.js";
import { syncWarRoom } from "./war-room-sync.js";

/**
 * decide → apply → verify with the history the last write returned, until nothing is
 * left to do (§2.5). Shared by webhook events and the sweep. A plan that needs the
 * status page published publishes it first (once per run), so its timeline write
 * records it; chat notices the plan claimed are sent after it is applied.
 */
const MAX_ROUNDS = 4;

export interface PipelineLog {
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** What reaches outside GitHub's issue: chat and the status page (webhook events have both). */
export interface OutsideDeps {
  chat: ChatDeps;
  publishFiles: PublishFiles;
  log: Logger;
  /** The incident's Slack channel (§15), followed after each converged run. */
  warRoom?: WarRoomDeps;
}

export interface ConvergeInput {
  octokit: Octokit;
  target: Target;
  history: IssueHistory;
  config: Config;
  botLogin: string;
  formTemplate: string;
  now: Date;
  variables: HistoryVariables;
  /** The read also looked at the day's incidents (declaring). */
  withRecent?: boolean;
  /** Create labels the repo lacks, in the first round. */
  checkLabels: boolean;
  log: PipelineLog;
  templates?: TemplateOverrides;
  metricsSummary?: string;
  /** `/incidents`'s list, read before converging when one waits for an answer. */
  incidentList?: string;
  outside?: OutsideDeps;
  /** Called once the incident's id is known, for logs that name it. */
  onIncidentId?: (id: string) => void;
  /** The webhook being handled (its comment, if any); without it every comment is answered now. */
  event?: TriggeringEvent;
  /** Another run follows a failure worth retrying: GitHub's hiccups are retried, not reported. */
  retried?: boolean;
  /** Called after the first write, or when nothing needed writing: the repo's labels were checked. */
  onLabelsChecked?: () => void;
  /** Writes made in other repositories before converging that failed (told on the incident). */
  writeFailures?: readonly WriteFailure[];
  /** Completes the history a write returned (organisation mode: the other repositories' ids, read again). */
  refresh?: (before: IssueHistory, after: IssueHistory) => Promise<IssueHistory>;
  /** The status site's first page, read with `history` because the event asked to publish. */
  site?: RawSiteRepository | null;
}

export async function convergeIncident(input: ConvergeInput): Promise<void> {
  const converged = await convergeRounds(input);
  const { outside } = input;
  if (converged && outside?.warRoom) {
    const { octokit, target, config, botLogin } = input;
    const { state, history, variables } = converged;
    const warRoom = outside.warRoom;
    syncWarRoom({ octokit, target, history, variables, state, config, botLogin, warRoom, log: outside.log });
  }
}

interface Converged {
  state: IncidentState;
  history: IssueHistory;
  variables: HistoryVariables;
}

async function convergeRounds(input: ConvergeInput): Promise<Converged | null> {
  const { octokit, target, config, botLogin, formTemplate, now, log, outside } = input;
  const { owner, repo, number } = target;
  let { history, variables } = input;
  let outward: OutwardInput = {};
  let publishTried = false;
  // The site's commit (or its new branch) goes first in the next document.
  let siteWrite: { site: PublishSiteInput; hash: string | null; deferred: Deferred } | null = null;
  let moveFailure: string | undefined;
  let moveCommandFailure:
    | { key: string; reason: string; why: Extract<MoveResult, { why: unknown }>["why"] }
    | undefined;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const decideInput = {
      config,
      botLogin,
      formTemplate,
      now,
      history,
      checkLabels: input.checkLabels && round === 1,
      ...(input.metricsSummary ? { metricsSummary: input.metricsSummary } : {}),
      ...(input.incidentList !== undefined ? { incidentList: input.incidentList } : {}),
      ...(input.templates ? { templates: input.templates } : {}),
      ...(input.event ? { event: input.event } : {}),
      ...(moveFailure !== undefined ? { moveFailure } : {}),
      ...(input.writeFailures?.length ? { writeFailures: input.writeFailures } : {}),
      ...(moveCommandFailure !== undefined ? { moveCommandFailure } : {}),
    };
    let decision = decideIncident({ ...decideInput, outward });
    if (decision.move) {
      // Nothing else is written first: the issue is gone from here once moved, and the
      // target repository's `issues.opened` carries the incident on there.
      const moved = await movePrivately(octokit, history.issue.id, decision.move.to);
      if ("moved" in moved) {
        log.info({ to: decision.move.to, url: moved.moved.url }, "moved security incident");
        return null;
      }
      moveFailure = moved.refused;
      decision = decideIncident({ ...decideInput, moveFailure, outward });
    }
    if (decision.state.id && round === 1) input.onIncidentId?.(decision.state.id);
    if (decision.publication && !publishTried && outside) {
      publishTried = true;
      const site = { owner, repo, ...decideInput, incidentId: decision.state.id ?? `#${number}` };
      const hash = decision.publication.hash;
      // The first round's read brought the site when the event asked to publish.
      const firstPage = round === 1 && input.site !== undefined ? { firstPage: input.site } : {};
      const done = await publishForIncident(
        octokit,
        { ...site, ...firstPage, defer: true },
        hash,
        outside.publishFiles,
        outside.log,
        { retried: input.retried ?? false },
      );
      outward = done.outward;
      if (done.deferred) siteWrite = { site, hash, deferred: done.deferred };
      decision = decideIncident({ ...decideInput, outward });
    }
    if (decision.relocate && decision.state.id) {
      const moved = await relocate(input, decision.relocate, decision.state.id);
      if (moved === null) return null;
      const { command } = decision.relocate;
      if (command) moveCommandFailure = { key: command, reason: moved.refused, why: moved.why };
      else moveFailure = moved.refused;
      decision = decideIncident({ ...decideInput, moveFailure, moveCommandFailure, outward });
    }
    const { state, plan, notices } = decision;
    if (plan.length === 0 && !siteWrite && !purgeDue(history)) {
      if (input.checkLabels) input.onLabelsChecked?.();
      if (round > 1) log.debug({ incident: state.id, rounds: round - 1 }, "incident converged");
      return { state, history, variables };
    }
    // Declared just now: the history the writes return also shows the code of the new id.
    if (state.id && !variables.withCode)
      variables = historyVariables(config, now, { withRecent: input.withRecent ?? false, id: state.id });
    const lead = siteWrite ? { lead: deferredMutation(history.repo.id, siteWrite.deferred) } : {};
    const result = await applyPlanBatched(octokit, target, plan, variables, history, {
      retried: input.retried ?? false,
      ...lead,
    });
    if (input.checkLabels) input.onLabelsChecked?.();
    log.info({ incident: state.id, round, writes: result.applied }, "applied plan");
    const siteMade = siteWrite;
    siteWrite = null;
    let failedAgain = false;
    if (siteMade && result.leadFailure !== undefined && outside) {
      // The site's write failed (another publisher moved or made the branch first, or GitHub
      // failed): publish the ordinary way now; if that fails too, record the failure and no
      // publication, so the next event tries again.
      outside.log.warn({ reason: result.leadFailure }, "status site not committed; publishing again");
      const again = await publishForIncident(
        octokit,
        siteMade.site,
        siteMade.hash,
        outside.publishFiles,
        outside.log,
        { retried: input.retried ?? false },
      );
      failedAgain = again.outward.publishFailure !== undefined;
      if (failedAgain) outward = { ...again.outward, published: null };
    }
    // Reactions alone change nothing the projection reads: no verify read needed.
    if (!result.history && !result.unverified && !failedAgain) return { state, history, variables };
    const next =
      result.history && !result.unverified
        ? result.history
        : await readHistory(octokit, { owner, repo, number }, variables, trustOf(history));
    if (!next) return null;
    history = input.refresh ? await input.refresh(history, next) : next;
    if (notices.length && outside) {
      const chat = { octokit, target, history, variables, notices, config, botLogin };
      sendNotices({ ...chat, chat: outside.chat, log: outside.log });
    }
  }
  log.warn({ rounds: MAX_ROUNDS }, "incident did not converge; the next event will continue");
  return null;
}

/**
 * `organisation.moveIncidents` or `/move`: the declared incident moves to the incidents
 * repository (its comments and timeline with it) and a closed pointer issue stays behind,
 * except a security incident leaving a public repository (the pointer would be public).
 * Null when moved; else why not.
 */
async function relocate(
  input: ConvergeInput,
  relocation: Relocation,
  id: string,
): Promise<Extract<MoveResult, { refused: string }> | null> {
  const { octokit, target, history, log } = input;
  const { to, privately } = relocation;
  const moved = await moveIssue(octokit, history.issue.id, to, privately);
  if ("refused" in moved) return moved;
  log.info({ to, url: moved.moved.url }, "moved incident to the incidents repository");
  if (privately && !history.repo.private) return null;
  const link = `[${to}#${moved.moved.number}](${moved.moved.url})`;
  const body = `${incidentWords.movedPointer(id, to, link)}\n\n${marker("moved", { to, number: String(moved.moved.number) })}\n`;
  try {
    await leavePointer(octokit, target, incidentWords.movedPointerTitle(id, to), body);
  } catch (error) {
    // The move itself stands, and GitHub's redirect still leads there.
    log.warn({ to, error: (error as Error).message }, "pointer issue not left behind");
  }
  return null;
}
