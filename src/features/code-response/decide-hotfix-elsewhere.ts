import { hotfixBranch } from "../../kernel/names.js";
import { type CodeContext, claim, failure, reply } from "./code-context.js";
import { codeWords, hotfixCreatedReply, hotfixExistsReply, hotfixFromDeployedReply } from "./code-words.js";
import { siblingUrl } from "./service-repositories.js";

/**
 * `/hotfix acme/api [from <ref>|deployed]` (or a bare `/hotfix` whose only affected
 * service lives there): the incident's hotfix branch in a service's repository, from its
 * default branch, a ref, or the commit of its last successful deployment to the watched
 * environment (read by the executor, in one request). A branch the read found there is
 * reported, never recreated, as in the incident's own repository.
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
  const compareUrl = `${url}/compare/${branch}`;
  const existing = (ctx.history.elsewhere ?? []).find(
    (repo) => repo.nameWithOwner.toLowerCase() === known.toLowerCase() && repo.code?.hotfix,
  )?.code?.hotfix;
  // A second `/hotfix` there in the same run: the first one's branch is on its way.
  const planned = ctx.plan.some(
    (write) =>
      (write.kind === "create-branch" || write.kind === "create-branch-from-deployed") &&
      write.repository?.owner === owner &&
      write.repository.name === name,
  );
  if (existing || planned) {
    // Named with its repository, as the created branch is; the reply marks no branch (none created).
    reply(ctx, key, (m) =>
      hotfixExistsReply(m, { branch: `${known}:${branch}`, oid: existing?.oid ?? "pending", compareUrl }),
    );
    return;
  }
  // Named with its repository: the timeline's hotfix row for the branch there finds it by this.
  const replyMarker = claim(ctx, key, { branch: `${known}:${branch}` });
  const failed = failure(key, codeWords.hotfixFailed(`${known}:${branch}`));
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
