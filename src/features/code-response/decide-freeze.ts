import type { OpenPullFact } from "../../kernel/history.js";
import { idFromTitle } from "../../kernel/incident-id.js";
import { FREEZE_CHECK_NAME } from "../../kernel/names.js";
import type { CheckSpec, Write } from "../../kernel/plan.js";
import { type CodeContext, defaultBranch, failure } from "./code-context.js";
import { codeWords } from "./code-words.js";
import { type Freezer, freezeCheckSpec } from "./freeze-check.js";
import { incidentsRepositoryFreezers } from "./freezers.js";

/**
 * The merge freeze on pull requests (§7): while any open incident freezes merges,
 * every open pull request to the default branch carries a failing `incident-freeze`
 * check (hotfix, revert and review pull requests a passing one); once none does, the
 * checks the app set turn green. Other incidents are known by the freeze label.
 */
export function decideFreezeChecks(ctx: CodeContext): void {
  if (!ctx.state.declaration) return;
  const { history } = ctx;
  const self: Freezer = { name: ctx.id ?? `#${history.issue.number}`, url: history.issue.url };
  const others = history.code.freezing
    .filter((issue) => issue.number !== history.issue.number)
    .map((issue) => ({ name: idFromTitle(issue.title) ?? `#${issue.number}`, url: issue.url }));
  const own = history.repo.nameWithOwner;
  const elsewhere = ctx.formTemplate
    ? incidentsRepositoryFreezers(history, ctx.config, ctx.formTemplate, own)
    : [];
  const frozenBy = [...(ctx.state.freeze.active ? [self] : []), ...others, ...elsewhere];
  const slug = ctx.botLogin.replace(/\[bot\]$/, "");
  for (const pull of history.code.openPulls) {
    if (pull.baseRefName !== defaultBranch(ctx)) continue;
    const write = checkWrite(pull, frozenBy, slug, defaultBranch(ctx), history.repo.url);
    if (write && !ctx.artifacts.replies.has(write.failure.key)) ctx.plan.push(write);
  }
}

/**
 * The check write a pull request needs, or null when its check is already right (or it
 * needs none). `whenAbsent`: a pull request event (a push) gives a head commit without
 * a check one, passing when nothing freezes, so the check can be required; a freeze
 * changing writes only the checks that exist or must fail.
 */
export function checkWrite(
  pull: Pick<OpenPullFact, "number" | "headRefName" | "headSha" | "freezeChecks">,
  frozenBy: readonly Freezer[],
  botSlug: string,
  branch: string,
  repoUrl: string,
  whenAbsent = false,
): Extract<Write, { kind: "set-check" }> | null {
  const current = pull.freezeChecks.find((check) => check.app === botSlug) ?? null;
  if (frozenBy.length === 0 && !current && !whenAbsent) return null;
  const check: CheckSpec = freezeCheckSpec(pull, frozenBy, branch, repoUrl);
  if (current && current.conclusion === check.conclusion.toUpperCase() && current.title === check.title)
    return null;
  return {
    kind: "set-check",
    pr: pull.number,
    headSha: pull.headSha,
    checkRun: current ? { id: current.id, nodeId: current.nodeId } : null,
    check,
    failure: failure(
      `${FREEZE_CHECK_NAME}:${pull.number}:${pull.headSha.slice(0, 7)}:${check.conclusion}`,
      codeWords.checkFailed(FREEZE_CHECK_NAME, pull.number),
    ),
  };
}
