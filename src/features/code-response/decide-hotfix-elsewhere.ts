import { hotfixBranch } from "../../kernel/names.js";
import { type CodeContext, claim, failure, reply } from "./code-context.js";
import { codeWords, hotfixCreatedReply } from "./code-words.js";
import { knownRepository, serviceRepositories, siblingUrl } from "./service-repositories.js";

/**
 * `/hotfix acme/api [from <ref>]`: the incident's hotfix branch in a service's
 * repository, from its default branch or a ref. `from deployed` there needs that
 * repository's deployments, which the incident's read does not hold: said plainly.
 */
export function hotfixElsewhere(
  ctx: CodeContext,
  key: string,
  command: { from: string | null; repository: string },
): void {
  if (!ctx.id) return;
  const known = knownRepository(ctx.config, command.repository);
  if (!known) {
    reply(
      ctx,
      key,
      (m) =>
        `${m}\n${codeWords.repositoryUnknown("hotfix", command.repository, serviceRepositories(ctx.config))}\n`,
    );
    return;
  }
  if (command.from === "deployed") {
    reply(ctx, key, (m) => `${m}\n${codeWords.hotfixDeployedElsewhere(known)}\n`);
    return;
  }
  const [owner, name] = known.split("/") as [string, string];
  const branch = hotfixBranch(ctx.id);
  const url = siblingUrl(ctx.history.repo.url, ctx.history.repo.nameWithOwner, known);
  // Named with its repository: the timeline's hotfix row is the incident's own repository's branch.
  const replyMarker = claim(ctx, key, { branch: `${known}:${branch}` });
  ctx.plan.push({
    kind: "create-branch",
    branch,
    repository: { owner, name },
    from: { ref: command.from ?? "HEAD" },
    reply: {
      body: hotfixCreatedReply(replyMarker, {
        branch: `${known}:${branch}`,
        from: command.from === null ? `the default branch of \`${known}\`` : `\`${command.from}\``,
        compareUrl: `${url}/compare/${branch}`,
      }),
    },
    failure: failure(key, codeWords.hotfixFailed(`${known}:${branch}`)),
  });
}
