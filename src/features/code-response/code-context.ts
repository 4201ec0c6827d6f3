import type { Command } from "../../commands/types.js";
import type { Config } from "../../config/schema.js";
import type { AppArtifacts } from "../../kernel/app-artifacts.js";
import type { HistoryComment, IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { marker } from "../../kernel/markers.js";
import type { FailureSpec, Write } from "../../kernel/plan.js";
import type { Templates } from "../../render/renderer.js";
import type { IncidentRef } from "./code-words.js";

/** What the code-response deciders share: the incident, its history, and the replies already made. */
export interface CodeContext {
  state: IncidentState;
  history: IssueHistory;
  config: Config;
  botLogin: string;
  now: Date;
  /** The incident id; null before it has one (nothing is named yet). */
  id: string | null;
  artifacts: AppArtifacts;
  plan: Write[];
  /** The templates this decision renders with (the repo's overrides over the built-in ones). */
  templates: Templates;
  /** The issue form, to read other incidents' bodies with (which repositories they freeze). */
  formTemplate?: string;
}

export interface PendingCommand<Kind extends Command["kind"]> {
  comment: HistoryComment;
  line: number;
  command: Extract<Command, { kind: Kind }>;
  /** The reply key that answers it (`kind:commentId:line`). */
  key: string;
}

/** Accepted commands of a kind that have no answer yet, oldest first. */
export function pending<Kind extends Command["kind"]>(ctx: CodeContext, kind: Kind): PendingCommand<Kind>[] {
  return ctx.state.acknowledgements.flatMap((ack) => {
    if (ack.kind !== "accepted" || ack.command.kind !== kind) return [];
    const key = `${kind}:${ack.comment.databaseId}:${ack.line}`;
    if (ctx.artifacts.replies.has(key)) return [];
    return [
      { comment: ack.comment, line: ack.line, command: ack.command as Extract<Command, { kind: Kind }>, key },
    ];
  });
}

/**
 * Claims a reply key for this plan, so nothing else answers the same command. `fields`
 * record what the reply stands for (e.g. the branch it created), for the projection.
 */
export function claim(ctx: CodeContext, key: string, fields: Record<string, string> = {}): string {
  ctx.artifacts.replies.add(key);
  return marker("reply", { key, ...fields });
}

export function reply(ctx: CodeContext, key: string, body: (replyMarker: string) => string): void {
  ctx.plan.push({ kind: "add-comment", purpose: "reply", body: body(claim(ctx, key)) });
}

export function failure(key: string, what: string): FailureSpec {
  return { key, marker: marker("reply", { key }), what };
}

export function incidentRef(ctx: CodeContext, id: string): IncidentRef {
  return { id, number: ctx.history.issue.number, url: ctx.history.issue.url };
}

export function defaultBranch(ctx: CodeContext): string {
  return ctx.history.repo.defaultBranch ?? "main";
}

export function compareUrl(ctx: CodeContext, branch: string): string {
  return `${ctx.history.repo.url}/compare/${defaultBranch(ctx)}...${branch}`;
}
