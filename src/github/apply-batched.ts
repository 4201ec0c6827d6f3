import type { IssueHistory } from "../kernel/history.js";
import type { Plan, Write } from "../kernel/plan.js";
import { isCodeWrite } from "./apply-answered.js";
import { type ApplyResult, applyPlan } from "./apply-plan.js";
import type { LeadMutation } from "./batch-document.js";
import { followUps, requestByRest } from "./batch-follow-ups.js";
import { incidentComment } from "./batch-step.js";
import { type BatchStep, batchSteps } from "./batch-steps.js";
import { carryCheckpoint, historyAfterWrites, verifyAfter } from "./checkpoint-write.js";
import type { Octokit, Target } from "./client.js";
import { purgeDue, trustOf } from "./read-basis.js";
import type { HistoryVariables } from "./read-history.js";
import { classifyFailure } from "./request-failure.js";
import { type BatchAnswer, sendBatch } from "./send-batch.js";

/**
 * An incident's plan in the fewest requests (§2.6): each run of writes GraphQL can
 * make goes as one document of aliased mutations (`batch-document.ts`); a run of
 * writes it cannot (kinds not known here, code writes, issues created for action
 * items, Projects, labels the repository lacks, new assignees) goes through the REST
 * executor, `applyPlan`, unchanged. A plan that creates issues or project items is
 * applied by `applyPlan` whole: its later writes need what those writes answered.
 * A failed mutation is handled as a failed write there: GitHub still ran the others;
 * one worth retrying fails the run (the pipeline reads again and decides again, so
 * what took effect is not repeated); a refusal is thrown after the rest of the plan.
 */
const OFF_INCIDENT = new Set<string>(["react", "delete-comment", "comment-on", "set-check"]);
const NEEDS_ANSWERS = new Set<string>(["create-issue", "add-project-item", "set-project-fields"]);

type Run = { batch: BatchStep[] } | { rest: Write[] };

export async function applyPlanBatched(
  octokit: Octokit,
  target: Target,
  plan: Plan,
  variables: HistoryVariables,
  /** The history the plan was decided from: label ids, who is assigned. */
  history: IssueHistory,
  /** `lead`: a mutation that goes first in the first document (the status site's new branch). */
  options: { retried?: boolean; lead?: LeadMutation } = {},
): Promise<ApplyResult> {
  let lead = options.lead ?? null;
  let leadFailure: string | undefined;
  // Sent on its own when the plan starts with no document to carry it.
  const leadAlone = async () => {
    if (!lead) return;
    const done = await sendBatch(octokit, [], null, lead);
    lead = null;
    leadFailure = done.leadFailure;
  };
  const withLead = (result: ApplyResult): ApplyResult =>
    leadFailure === undefined ? result : { ...result, leadFailure };
  if (plan.some((write) => NEEDS_ANSWERS.has(write.kind))) {
    await leadAlone();
    return withLead(
      await applyPlan(octokit, target, plan, variables, { ...options, trust: trustOf(history) }),
    );
  }
  const result: ApplyResult = { history: null, unverified: false, applied: [], created: [] };
  let refused: unknown = null;
  const failedKeys = new Set<string>();
  const runs = splitRuns(plan, target, history);
  // A checkpoint to purge and nothing else to write: a document of its own carries it.
  if (runs.length === 0 && purgeDue(history)) runs.push({ batch: [] });
  carryCheckpoint(
    runs.flatMap((run) => ("batch" in run ? [run.batch] : [])),
    plan,
    history,
  );
  const after = runs.length === 1 ? verifyAfter(history) : null;
  for (const [index, run] of runs.entries()) {
    const laterVerifies = runs.slice(index + 1).some((later) => changesIncident(later));
    try {
      if ("rest" in run) {
        await leadAlone();
        const sub = await applyPlan(octokit, target, run.rest, variables, {
          ...options,
          trust: trustOf(history),
        });
        result.applied.push(...sub.applied);
        if (sub.history) result.history = sub.history;
        result.unverified = sub.history ? sub.unverified : result.unverified || sub.unverified;
        continue;
      }
      // A code write that failed earlier in the plan skips the writes that build on it.
      const steps = run.batch.filter((step) => !failedKeys.has(failureKey(step.write) ?? ""));
      if (steps.length === 0) continue;
      // The replies of code writes (and their review requests) need this document's answer.
      const followed = steps.some((step) => isCodeWrite(step.write));
      const answered = steps.some((step) => needsAnswer(step.write));
      const since = followed ? null : after;
      const done = await sendBatch(octokit, steps, laterVerifies || answered ? null : variables, lead, since);
      lead = null;
      leadFailure = done.leadFailure;
      result.applied.push(...done.applied);
      let issue = done.issue;
      if (followed) {
        const next = followUps(
          steps,
          done.answers,
          done.codeFailures,
          target,
          history,
          options.retried ?? false,
        );
        for (const key of next.failedKeys) failedKeys.add(key);
        for (const reviews of next.restReviews) await requestByRest(octokit, target, reviews, next.steps);
        if (next.steps.length > 0) {
          const more = await sendBatch(octokit, next.steps, laterVerifies ? null : variables);
          result.applied.push(...more.applied);
          issue = more.issue;
          if (more.refused) refused ??= more.refused;
          // Review requests GitHub refused after the pull request was opened: told, not retried.
          if (more.codeFailures.size > 0) {
            const note = await sendBatch(
              octokit,
              [reviewsNote(more, target)],
              laterVerifies ? null : variables,
            );
            issue = note.issue ?? issue;
          }
        }
      }
      if (issue) {
        const verified = { before: history, steps, answers: done.answers, after: followed ? null : after };
        result.history = await historyAfterWrites(octokit, issue, verified);
        result.unverified = result.history === null;
      } else if (steps.some((step) => !OFF_INCIDENT.has(step.write.kind))) {
        result.unverified = true;
      }
      if (done.refused) {
        refused ??= done.refused;
        result.unverified = true;
      }
    } catch (error) {
      if (classifyFailure(error).retry) throw error;
      refused ??= error;
      result.unverified = true;
    }
  }
  await leadAlone();
  if (refused) throw refused;
  return withLead(result);
}

/** A code write whose reply (or review request) goes in the next document. */
function needsAnswer(write: Write): boolean {
  return write.kind === "create-pull" || ("reply" in write && write.reply !== null);
}

function failureKey(write: Write): string | null {
  return "failure" in write && write.failure ? write.failure.key : null;
}

/** A reply's note for review requests GitHub refused. */
function reviewsNote(answer: BatchAnswer, target: Target): BatchStep {
  const reasons = [...answer.codeFailures.values()].map((failure) => failure.message ?? failure.type);
  const body = `⚠️ Note: reviews could not be requested: ${reasons.join("; ")}.`;
  return incidentComment({ kind: "add-comment", purpose: "notice", body }, target, "AddComment (reviews)");
}

function changesIncident(run: Run): boolean {
  const writes = "rest" in run ? run.rest : run.batch.map((step) => step.write);
  return writes.some((write) => !OFF_INCIDENT.has(write.kind));
}

/** Consecutive writes that batch, and those that do not, in plan order. */
function splitRuns(plan: Plan, target: Target, history: IssueHistory): Run[] {
  const runs: Run[] = [];
  for (const write of plan) {
    const steps = batchSteps(write, target, history, plan);
    const last = runs.at(-1);
    if (steps && last && "batch" in last) last.batch.push(...steps);
    else if (steps) runs.push({ batch: [...steps] });
    else if (last && "rest" in last) last.rest.push(write);
    else runs.push({ rest: [write] });
  }
  return runs.filter((run) => ("batch" in run ? run.batch.length > 0 : true));
}
