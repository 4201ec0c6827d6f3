import type { IssueHistory } from "../../kernel/history.js";
import { marker } from "../../kernel/markers.js";
import type { Write } from "../../kernel/plan.js";
import { ROLLBACK_DEPLOYMENT, ROLLBACK_SHA } from "../../kernel/plan.js";
import {
  type RollbackStatus,
  rollbackFinished,
  rollbackMarker,
  rollbackRecords,
  withStatus,
} from "../../kernel/rollbacks.js";
import { type CodeContext, claim, failure, pending, reply } from "./code-context.js";
import { codeWords, rollbackProgress, rollbackStartedReply } from "./code-words.js";
import { codeTarget, siblingUrl } from "./service-repositories.js";

/** A `deployment_status` of a deployment the app created for a rollback of this incident. */
export interface RollbackStatusEvent {
  repository: string;
  deployment: number;
  status: RollbackStatus;
}

/**
 * `/rollback [owner/repo]` (§13): a new deployment to the watched environment of the
 * last commit deployed there successfully before impact started, with a payload naming
 * the incident, so the user's own CD performs it. One at a time per repository: a
 * rollback whose deployment has not finished is named instead of starting another.
 * A status of the deployment is added to the rollback's record by `recordRollbackStatus`.
 */
export function decideRollback(ctx: CodeContext): void {
  const id = ctx.id;
  if (!id) return;
  const records = rollbackRecords(ctx.history, ctx.botLogin);
  const planned = new Set<string>();
  for (const { comment, line, command, key } of pending(ctx, "rollback")) {
    const own = ctx.history.repo.nameWithOwner;
    const target = codeTarget(ctx.config, own, ctx.state.form.services, command, "ask");
    if (target.kind === "unknown") {
      reply(
        ctx,
        key,
        (m) => `${m}\n${codeWords.repositoryUnknown("rollback", target.named, target.known)}\n`,
      );
      continue;
    }
    if (target.kind === "ask") {
      reply(
        ctx,
        key,
        (m) => `${m}\n${codeWords.whichRepository("rollback", target.affected, target.known)}\n`,
      );
      continue;
    }
    const repository = target.kind === "here" ? own : target.name;
    const running = records.find(
      (r) => r.repository.toLowerCase() === repository.toLowerCase() && !rollbackFinished(r),
    );
    if (running) {
      const state = running.statuses.at(-1)?.state.replace("_", " ") ?? "no status yet";
      reply(
        ctx,
        key,
        (m) => `${m}\n${codeWords.rollbackInProgress(repository, running.deployment, running.sha, state)}\n`,
      );
      continue;
    }
    if (planned.has(repository.toLowerCase())) {
      reply(ctx, key, (m) => `${m}\n${codeWords.rollbackAskedTwice(repository)}\n`);
      continue;
    }
    planned.add(repository.toLowerCase());
    const [owner, name] = repository.split("/") as [string, string];
    const environment = ctx.config.deployments.environment;
    const by = comment.author?.login ?? null;
    const record = marker("rollback", {
      repo: repository,
      deployment: ROLLBACK_DEPLOYMENT,
      sha: ROLLBACK_SHA,
      ...(by ? { by } : {}),
    });
    const times = ctx.state.times;
    ctx.plan.push({
      kind: "create-deployment",
      repository: { owner, name },
      environment,
      before: times.started ?? times.detected ?? times.declared ?? ctx.now,
      description: `Rollback for incident ${id}`,
      payload: {
        incident: { repository: own, number: ctx.history.issue.number, id, url: ctx.history.issue.url },
        source: `${comment.databaseId}:${line}`,
      },
      reply: {
        body: rollbackStartedReply(claim(ctx, key), record, {
          repository,
          environment,
          repoUrl: siblingUrl(ctx.history.repo.url, own, repository),
        }),
      },
      failure: failure(key, codeWords.rollbackFailed(repository)),
    });
  }
}

/**
 * A status of a rollback's deployment, written into the record in the rollback's reply.
 * Returns the history as it will be (so the timeline projected from it already shows the
 * status, in the same write) and the write; null when the status is known or not ours.
 */
export function recordRollbackStatus(
  history: IssueHistory,
  botLogin: string,
  event: RollbackStatusEvent,
): { history: IssueHistory; write: Write } | null {
  const record = rollbackRecords(history, botLogin).find(
    (r) => r.deployment === event.deployment && r.repository.toLowerCase() === event.repository.toLowerCase(),
  );
  const updated = record ? withStatus(record, event.status) : null;
  if (!record || !updated) return null;
  const [first = "", ...rest] = record.comment.body
    .split(/\r?\n/)
    .filter((line) => !line.includes("incident-app:rollback ") && !line.startsWith("Progress (UTC):"));
  const kept = [first, rollbackMarker(updated), ...rest].join("\n").trimEnd();
  const body = `${kept}\n\n${rollbackProgress(updated.statuses)}\n`;
  const items = history.items.map((item) =>
    item.type === "comment" && item.id === record.comment.id ? { ...item, body } : item,
  );
  return {
    history: { ...history, items },
    write: { kind: "update-comment", purpose: "reply", commentId: record.comment.id, body },
  };
}
