import { hotfixBranch } from "../../kernel/names.js";
import { type CodeContext, claim, failure } from "./code-context.js";
import { codeWords, hotfixCreatedReply, hotfixFromDeployedReply } from "./code-words.js";
import { siblingUrl } from "./service-repositories.js";

/**
 * `/hotfix acme/api [from <ref>|deployed]` (or a bare `/hotfix` whose only affected
 * service lives there): the incident's hotfix branch in a service's repository, from its
 * default branch, a ref, or the commit of its last successful deployment to the watched
 * environment (read by the executor, in one request).
 */
export function hotfixElsewhere(
  ctx: CodeContext,
  key: string,
  command: { from: string | null; repository: string },
): void {
  if (!ctx.id) return;
  const known = command.repository;
  const [owner, name] = known.split("/") as [string, string];
  const branch = hotfixBranch(ctx.id);
  const url = siblingUrl(ctx.history.repo.url, ctx.history.repo.nameWithOwner, known);
  // Named with its repository: the timeline's hotfix row is the incident's own repository's branch.
  const replyMarker = claim(ctx, key, { branch: `${known}:${branch}` });
  const failed = failure(key, codeWords.hotfixFailed(`${known}:${branch}`));
  const compareUrl = `${url}/compare/${branch}`;
  if (command.from === "deployed") {
    const environment = ctx.config.deployments.environment;
    ctx.plan.push({
      kind: "create-branch-from-deployed",
      branch,
      repository: { owner, name },
      environment,
      reply: {
        body: hotfixFromDeployedReply(replyMarker, { branch: `${known}:${branch}`, environment, compareUrl }),
      },
      failure: failed,
    });
    return;
  }
  ctx.plan.push({
    kind: "create-branch",
    branch,
    repository: { owner, name },
    from: { ref: command.from ?? "HEAD" },
    reply: {
      body: hotfixCreatedReply(replyMarker, {
        branch: `${known}:${branch}`,
        from: command.from === null ? `the default branch of \`${known}\`` : `\`${command.from}\``,
        compareUrl,
      }),
    },
    failure: failed,
  });
}
