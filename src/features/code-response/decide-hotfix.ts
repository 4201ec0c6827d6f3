import type { DeploymentFact } from "../../kernel/history.js";
import { hotfixBranch } from "../../kernel/names.js";
import { replyMessage } from "../../render/command-reply.js";
import {
  type CodeContext,
  claim,
  compareUrl,
  defaultBranch,
  failure,
  pending,
  reply,
} from "./code-context.js";
import { codeWords, hotfixCreatedReply, hotfixExistsReply } from "./code-words.js";
import { hotfixElsewhere } from "./decide-hotfix-elsewhere.js";
import { codeTarget } from "./service-repositories.js";

/**
 * `/hotfix [owner/repo] [from <ref>|deployed]`: the branch `hotfix/inc-…` from the default branch,
 * a ref, or the last successful deployment to the watched environment. An existing
 * branch is reported, never recreated.
 */
export function decideHotfix(ctx: CodeContext): void {
  if (!ctx.id) return;
  const branch = hotfixBranch(ctx.id);
  const existing = ctx.history.code.branches?.hotfix ?? null;
  let planned = false;
  // No `/hotfix` answered yet, yet the branch exists: an earlier run created it and lost the answer.
  const answeredBefore = [...ctx.artifacts.replies].some((key) => key.startsWith("hotfix:"));
  for (const { command, key } of pending(ctx, "hotfix")) {
    const target = codeTarget(
      ctx.config,
      ctx.history.repo.nameWithOwner,
      ctx.state.form.services,
      command,
      "here",
    );
    if (target.kind === "unknown") {
      reply(ctx, key, (m) => `${m}\n${codeWords.repositoryUnknown("hotfix", target.named, target.known)}\n`);
      continue;
    }
    if (target.kind === "ask") {
      reply(ctx, key, (m) => `${m}\n${codeWords.whichRepository("hotfix", target.affected, target.known)}\n`);
      continue;
    }
    if (target.kind === "repository") {
      hotfixElsewhere(ctx, key, { from: command.from, repository: target.name });
      continue;
    }
    const source = sourceOf(ctx, command.from);
    if (
      existing &&
      !planned &&
      !answeredBefore &&
      "from" in source &&
      sameCommit(source.from, existing.oid)
    ) {
      const replyMarker = claim(ctx, key, { branch });
      ctx.plan.push({
        kind: "add-comment",
        purpose: "reply",
        body: hotfixCreatedReply(replyMarker, {
          branch,
          from: source.label,
          compareUrl: compareUrl(ctx, branch),
        }),
      });
      planned = true;
      continue;
    }
    if (existing || planned) {
      reply(ctx, key, (m) =>
        hotfixExistsReply(m, {
          branch,
          oid: existing?.oid ?? "pending",
          compareUrl: compareUrl(ctx, branch),
        }),
      );
      continue;
    }
    if ("problem" in source) {
      reply(ctx, key, (m) => replyMessage(ctx.templates, m, [source.problem], ""));
      continue;
    }
    const replyMarker = claim(ctx, key, { branch });
    ctx.plan.push({
      kind: "create-branch",
      branch,
      from: source.from,
      reply: {
        body: hotfixCreatedReply(replyMarker, {
          branch,
          from: source.label,
          compareUrl: compareUrl(ctx, branch),
        }),
      },
      failure: failure(key, codeWords.hotfixFailed(branch)),
    });
    planned = true;
  }
}

function sameCommit(from: { sha: string } | { ref: string }, oid: string): boolean {
  return "sha" in from && from.sha === oid;
}

type Source = { from: { sha: string } | { ref: string }; label: string } | { problem: string };

function sourceOf(ctx: CodeContext, from: string | null): Source {
  if (from === null) {
    const sha = ctx.history.code.defaultBranchOid;
    if (!sha) return { problem: codeWords.noDefaultCommit };
    return { from: { sha }, label: `\`${defaultBranch(ctx)}\` (\`${sha.slice(0, 7)}\`)` };
  }
  if (from === "deployed") {
    const environment = ctx.config.deployments.environment;
    const deployment = lastSuccessfulDeployment(ctx.history.code.deployments, environment);
    if (!deployment) {
      return {
        problem: codeWords.noDeployment(environment),
      };
    }
    return {
      from: { sha: deployment.sha },
      label: `the last successful deployment to \`${environment}\` (\`${deployment.sha.slice(0, 7)}\`)`,
    };
  }
  return { from: { ref: from }, label: `\`${from}\`` };
}

export function lastSuccessfulDeployment(
  deployments: readonly DeploymentFact[],
  environment: string,
): DeploymentFact | null {
  const succeeded = deployments
    .filter((d) => d.environment === environment)
    .flatMap((d) => d.statuses.filter((s) => s.state === "SUCCESS").map((s) => ({ d, at: s.at })))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return succeeded[0]?.d ?? null;
}
