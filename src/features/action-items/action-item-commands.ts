import { createHash } from "node:crypto";
import { formatCommandError, parseComment } from "../../commands/index.js";
import type { Config } from "../../config/schema.js";
import type { ActionItemFields, FieldName } from "../../kernel/action-item-body.js";
import type { HistoryComment } from "../../kernel/history.js";
import type { Plan } from "../../kernel/plan.js";
import { parseContext } from "../../kernel/projection/project-history.js";
import { replyMessage } from "../../render/command-reply.js";
import { BUILT_IN_TEMPLATES } from "../../render/renderer.js";
import { actionItemWords } from "./action-item-words.js";

/**
 * Commands typed on an action item (`/due`, `/owner`, `/priority`), newest last.
 * Only comments written or edited after the body's `synced` cursor count, so a
 * command is applied once and a later edit of the body by a person is not undone.
 */
export interface ItemCommands {
  fields: ActionItemFields;
  changed: FieldName[];
  /** The owner before an `/owner` here replaced them (they are unassigned). */
  previousOwner: string | null;
  /** Cursor of the newest command comment seen: `<epoch seconds>.<comment id>`. */
  synced: string | null;
  reactions: Plan;
  replies: Array<{ key: string; body: (marker: string) => string }>;
}

export interface ItemCommandsInput {
  comments: HistoryComment[];
  since: string | null;
  fields: ActionItemFields;
  config: Config;
  botLogin: string;
  repository: string;
  incident: number;
}

type Cursor = [number, number];

function cursorOf(comment: HistoryComment): Cursor {
  return [Math.floor((comment.editedAt ?? comment.at).getTime() / 1000), comment.databaseId];
}

function parseCursor(text: string | null): Cursor {
  const [seconds, id] = (text ?? "").split(".").map(Number);
  return [Number.isFinite(seconds) ? (seconds as number) : 0, Number.isFinite(id) ? (id as number) : 0];
}

const after = (a: Cursor, b: Cursor) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
const short = (text: string) => createHash("sha1").update(text).digest("hex").slice(0, 8);

export function readItemCommands(input: ItemCommandsInput): ItemCommands {
  const { config } = input;
  const since = parseCursor(input.since);
  const fields: ActionItemFields = { ...input.fields };
  const result: ItemCommands = {
    fields,
    changed: [],
    previousOwner: null,
    synced: null,
    reactions: [],
    replies: [],
  };
  const fresh = input.comments
    .filter((comment) => comment.author && comment.author.kind !== "Bot" && after(cursorOf(comment), since))
    .map((comment) => ({ comment, cursor: cursorOf(comment) }))
    .sort((a, b) => (after(a.cursor, b.cursor) ? 1 : -1));
  for (const { comment, cursor } of fresh) {
    const lines = parseComment(comment.body, parseContext(config, comment.at, input.repository));
    if (lines.length === 0) continue;
    result.synced = `${cursor[0]}.${cursor[1]}`;
    const author = comment.author?.login ?? "ghost";
    if (!config.permissions.commands.includes(comment.association)) {
      react(result, comment, "CONFUSED");
      result.replies.push({
        key: `outsider:${author}`,
        body: (m) => replyMessage(BUILT_IN_TEMPLATES, m, [actionItemWords.outsider(author)], ""),
      });
      continue;
    }
    const problems: string[] = [];
    let applied = false;
    for (const line of lines) {
      if (!line.ok) {
        problems.push(formatCommandError(line.error));
        continue;
      }
      const { command } = line;
      if (command.kind === "due") set(result, "due", command.due.toISOString().slice(0, 10));
      else if (command.kind === "priority") set(result, "priority", command.priority);
      else if (command.kind === "owner") {
        const owner = command.handle === "me" ? author : command.handle;
        if (fields.owner !== owner && result.previousOwner === null) result.previousOwner = fields.owner;
        set(result, "owner", owner);
      } else {
        problems.push(actionItemWords.incidentCommand(command.kind, input.incident));
        continue;
      }
      applied = true;
    }
    if (applied) react(result, comment, "EYES");
    if (problems.length) {
      react(result, comment, "CONFUSED");
      result.replies.push({
        key: `${comment.databaseId}:problems:${short(problems.join("\n"))}`,
        body: (m) => replyMessage(BUILT_IN_TEMPLATES, m, problems, "", actionItemWords.editReruns),
      });
    }
  }
  return result;
}

function set<K extends FieldName>(result: ItemCommands, field: K, value: ActionItemFields[K]): void {
  if (result.fields[field] === value) return;
  result.fields[field] = value;
  if (!result.changed.includes(field)) result.changed.push(field);
}

function react(result: ItemCommands, comment: HistoryComment, content: "EYES" | "CONFUSED"): void {
  if (comment.appReactions.includes(content)) return;
  if (result.reactions.some((w) => w.kind === "react" && w.subjectId === comment.id && w.content === content))
    return;
  result.reactions.push({ kind: "react", subjectId: comment.id, content });
}
