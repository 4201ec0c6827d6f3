import type { Context } from "probot";
import type { ActionItemFacts } from "../features/action-items/action-item-facts.js";
import { actionItemWords } from "../features/action-items/action-item-words.js";
import { boardProblemNotice, decideActionItem } from "../features/action-items/decide-action-item.js";
import { boardProblem } from "../features/action-items/decide-board.js";
import { applyPlan } from "../github/apply-plan.js";
import type { Target } from "../github/client.js";
import { asOctokit } from "../github/client.js";
import { readActionItem } from "../github/read-action-item.js";
import { historyVariables } from "../github/read-history.js";
import { classifyFailure } from "../github/request-failure.js";
import { parseActionItemBody } from "../kernel/action-item-body.js";
import type { Plan } from "../kernel/plan.js";
import type { AppDeps } from "./app-deps.js";
import { type IncidentRef, reconcileIncident } from "./reconcile-incident.js";
import { loadRepoConfig } from "./repo-config.js";
import { changesIncidentView } from "./route-action-item-event.js";
import { withRetries } from "./with-retries.js";

/**
 * The action item pipeline (§8): read the item, its incident's recent comments and
 * the board once → decide (pure) → apply the item's writes → the board's (a refusal
 * becomes one notice on the incident) → refresh the incident's timeline when the
 * item's state, owner or due date may have changed.
 */
type IssueContext = Context<"issues" | "issue_comment">;

export async function reconcileActionItem(context: IssueContext, deps: AppDeps): Promise<void> {
  const { owner, repo } = context.repo();
  // GitHub failed a request: the item's pipeline runs again from a fresh read (its writes set values).
  const incident = await deps.lock.run(`${owner}/${repo}#${context.payload.issue.number}`, () =>
    withRetries(() => reconcileItem(context, deps), deps.retry, context.log),
  );
  if (incident) await reconcileIncident(context, deps, incident);
}

/** Returns the incident whose timeline shows a change of the item, if any. */
async function reconcileItem(context: IssueContext, deps: AppDeps): Promise<IncidentRef | null> {
  const { owner, repo } = context.repo();
  const number = context.payload.issue.number;
  const octokit = asOctokit(context.octokit);
  const now = deps.clock();
  const log = context.log.child({ repo: `${owner}/${repo}`, actionItem: number });
  const incident = parseActionItemBody(context.payload.issue.body ?? "").meta?.incident ?? null;

  const loaded = await loadRepoConfig(context, undefined, now);
  if (!loaded.ok) {
    log.warn({ file: loaded.error.file }, "invalid configuration; action item left as it is");
    return null;
  }
  let config = loaded.config;
  let facts = await readActionItem(octokit, { owner, repo, number, incident }, config);
  if (!facts) return null;
  const fresh = await loadRepoConfig(context, facts.repo.configOid, now);
  if (!fresh.ok) return null;
  if (fresh.config !== config) {
    config = fresh.config;
    facts = await readActionItem(octokit, { owner, repo, number, incident }, config);
    if (!facts) return null;
  }

  const botLogin = await deps.botLogin();
  const decision = decideActionItem({ facts, config, botLogin });
  if (!decision.meta) return null;
  const target: Target = { owner, repo, number, issueId: facts.item.id };
  const variables = historyVariables(config, now, { withRecent: false, id: null });
  const applied: string[] = [];
  if (decision.plan.length)
    applied.push(...(await applyPlan(octokit, target, decision.plan, variables)).applied);
  if (decision.board.length) {
    try {
      applied.push(...(await applyPlan(octokit, target, decision.board, variables)).applied);
    } catch (error) {
      const notice = refusalNotice(facts, error, config, botLogin);
      if (!notice) throw error;
      log.warn({ err: error }, "project board refused the action item");
      decision.notice = notice;
    }
  }
  if (decision.notice.length)
    applied.push(...(await applyPlan(octokit, target, decision.notice, variables)).applied);
  if (applied.length) log.info({ writes: applied }, "applied action item plan");

  const fieldsChanged = decision.plan.some(
    (write) => write.kind === "update-issue" && write.body !== undefined,
  );
  const itemEvent = context.name === "issues" && context.payload.action !== "opened";
  if (facts.incident && changesIncidentView(context) && (itemEvent || fieldsChanged))
    return { number: facts.incident.number, title: facts.incident.title };
  return null;
}

/** GitHub refused a board write (permission, deleted project or field): one notice, no retry loop. */
function refusalNotice(
  facts: ActionItemFacts,
  error: unknown,
  config: Parameters<typeof boardProblem>[0],
  botLogin: string,
): Plan | null {
  if (classifyFailure(error).retry) return null;
  const failure = error as { errors?: Array<{ type?: string; message?: string }>; status?: number };
  const first = failure.errors?.[0];
  if (!first && failure.status !== 403 && failure.status !== 404) return null;
  const reason = first?.message ?? `HTTP ${failure.status}`;
  const problem = boardProblem(config, [
    actionItemWords.boardRefused(reason.replace(/`/g, "'").slice(0, 200)),
  ]);
  return boardProblemNotice(facts, problem, botLogin);
}
