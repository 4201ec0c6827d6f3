import { pullRepository } from "../../kernel/code-history.js";
import { CREATED_PULL } from "../../kernel/plan.js";
import { type CodeContext, claim, failure, incidentRef, pending, reply } from "./code-context.js";
import { codeWords, revertKnownReply, revertOpenedReply, revertPullBody } from "./code-words.js";
import { serviceRepositories } from "./service-repositories.js";

/**
 * `/revert #123`: a revert pull request through GitHub's `revertPullRequest`, its
 * body linking the incident and naming the command that asked for it, so a repeated
 * event finds it instead of opening a second one.
 */
export function decideRevert(ctx: CodeContext): void {
  if (!ctx.id) return;
  const requested = new Set<string>();
  const services = serviceRepositories(ctx.config);
  for (const { comment, line, command, key } of pending(ctx, "revert")) {
    if (command.repository) {
      revertElsewhere(ctx, { comment, line, key }, command.pr, command.repository, { services, requested });
      continue;
    }
    const source = `${comment.databaseId}:${line}`;
    const mine = ctx.state.linked.find((l) => l.role === "revert" && l.source === source);
    const other = ctx.state.linked.find(
      (l) => l.role === "revert" && l.reverts === command.pr && l.pull.state !== "CLOSED",
    );
    // Opened for this very command, its answer lost: answer as if just opened.
    if (mine) {
      reply(ctx, key, (m) =>
        revertOpenedReply(m, command.pr).replaceAll(CREATED_PULL, `#${mine.pull.number}`),
      );
      continue;
    }
    const known = other;
    if (known) {
      reply(ctx, key, (m) =>
        revertKnownReply(m, `#${command.pr}`, `#${known.pull.number}`, known.pull.state),
      );
      continue;
    }
    if (requested.has(`#${command.pr}`)) continue;
    requested.add(`#${command.pr}`);
    const replyMarker = claim(ctx, key);
    // The read brought the pull request when the event's comment named it: no read of its own.
    const named = ctx.history.code.named;
    const pull = named?.pulls.find((p) => p.number === command.pr);
    ctx.plan.push({
      kind: "revert-pull",
      pr: command.pr,
      ...(named && pull ? { target: { archived: named.archived, pull } } : {}),
      title: "",
      body: revertPullBody(incidentRef(ctx, ctx.id), command.pr, {
        commentId: comment.databaseId,
        line,
        url: comment.url,
      }),
      reply: { body: revertOpenedReply(replyMarker, command.pr) },
      failure: failure(key, codeWords.revertFailed(`#${command.pr}`)),
    });
  }
}

/**
 * `/revert acme/api#12`: the same revert, in a service's repository. The repository must
 * be one the config names, so a typo never reaches into a repository nobody meant. As
 * here, a revert pull request already linked to the incident answers instead of a second
 * one: the one opened for this very command (its answer lost), or another not closed.
 */
function revertElsewhere(
  ctx: CodeContext,
  pending: { comment: { databaseId: number; url: string }; line: number; key: string },
  pr: number,
  repository: string,
  seen: { services: readonly string[]; requested: Set<string> },
): void {
  if (!ctx.id) return;
  const { comment, line, key } = pending;
  const { services, requested } = seen;
  const known = services.find((name) => name.toLowerCase() === repository.toLowerCase());
  if (!known) {
    reply(ctx, key, (m) => `${m}\n${codeWords.repositoryUnknown("revert", repository, services)}\n`);
    return;
  }
  const [owner, name] = known.split("/") as [string, string];
  const named = `${known}#${pr}`;
  const there = ctx.state.linked.filter(
    (l) => l.role === "revert" && pullRepository(l.pull)?.toLowerCase() === known.toLowerCase(),
  );
  const mine = there.find((l) => l.source === `${comment.databaseId}:${line}`);
  if (mine) {
    reply(ctx, key, (m) =>
      revertOpenedReply(m, named).replaceAll(CREATED_PULL, `${known}#${mine.pull.number}`),
    );
    return;
  }
  const other = there.find((l) => l.reverts === pr && l.pull.state !== "CLOSED");
  if (other) {
    reply(ctx, key, (m) => revertKnownReply(m, named, `${known}#${other.pull.number}`, other.pull.state));
    return;
  }
  if (requested.has(named.toLowerCase())) return;
  requested.add(named.toLowerCase());
  const replyMarker = claim(ctx, key);
  ctx.plan.push({
    kind: "revert-pull",
    pr,
    repository: { owner, name },
    title: "",
    body: revertPullBody(
      incidentRef(ctx, ctx.id),
      pr,
      { commentId: comment.databaseId, line, url: comment.url },
      ctx.history.repo.nameWithOwner,
    ),
    reply: { body: revertOpenedReply(replyMarker, named) },
    failure: failure(key, codeWords.revertFailed(named)),
  });
}
