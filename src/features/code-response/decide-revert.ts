import { CREATED_PULL } from "../../kernel/plan.js";
import { type CodeContext, claim, failure, incidentRef, pending, reply } from "./code-context.js";
import { codeWords, revertKnownReply, revertOpenedReply, revertPullBody } from "./code-words.js";

/**
 * `/revert #123`: a revert pull request through GitHub's `revertPullRequest`, its
 * body linking the incident and naming the command that asked for it, so a repeated
 * event finds it instead of opening a second one.
 */
export function decideRevert(ctx: CodeContext): void {
  if (!ctx.id) return;
  const requested = new Set<number>();
  for (const { comment, line, command, key } of pending(ctx, "revert")) {
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
      reply(ctx, key, (m) => revertKnownReply(m, command.pr, known.pull.number, known.pull.state));
      continue;
    }
    if (requested.has(command.pr)) continue;
    requested.add(command.pr);
    const replyMarker = claim(ctx, key);
    ctx.plan.push({
      kind: "revert-pull",
      pr: command.pr,
      title: "",
      body: revertPullBody(incidentRef(ctx, ctx.id), command.pr, {
        commentId: comment.databaseId,
        line,
        url: comment.url,
      }),
      reply: { body: revertOpenedReply(replyMarker, command.pr) },
      failure: failure(key, codeWords.revertFailed(command.pr)),
    });
  }
}
