import type { Config } from "../../config/schema.js";
import {
  type ActionItemFields,
  type ActionItemMeta,
  type FieldName,
  parseActionItemBody,
  withField,
  withMeta,
} from "../../kernel/action-item-body.js";
import { isApp, marker, readMarkers, trustedMarkers } from "../../kernel/markers.js";
import type { Plan } from "../../kernel/plan.js";
import { BUILT_IN_TEMPLATES } from "../../render/renderer.js";
import { type ItemCommands, readItemCommands } from "./action-item-commands.js";
import type { ActionItemFacts } from "./action-item-facts.js";
import { actionItemWords, boardProblemMessage } from "./action-item-words.js";
import type { BoardProblem } from "./board-facts.js";
import { decideBoard } from "./decide-board.js";

/**
 * decide for an action item issue (§8): apply `/due`, `/owner`, `/priority` typed on
 * it to the body (the body stays the source of truth, so a person's edit of it is
 * simply read), keep the priority label and the owner's assignment in step, and plan
 * the board writes. Pure: applying the plan and deciding again yields nothing.
 */
export interface ActionItemInput {
  facts: ActionItemFacts;
  config: Config;
  botLogin: string;
}

export interface ActionItemDecision {
  meta: ActionItemMeta | null;
  fields: ActionItemFields;
  /** Writes on the item itself: reactions, replies, body, labels, assignees. */
  plan: Plan;
  /** Board writes, applied after the item's; a failure becomes a notice on the incident. */
  board: Plan;
  /** A board problem found in the read that the incident has not been told about. */
  notice: Plan;
}

export function decideActionItem(input: ActionItemInput): ActionItemDecision {
  const { facts, config, botLogin } = input;
  const { item } = facts;
  const trusted = isApp(item.author, botLogin);
  const parsed = parseActionItemBody(item.body);
  const meta = trusted ? parsed.meta : null;
  if (!meta) return { meta: null, fields: parsed.fields, plan: [], board: [], notice: [] };

  const replied = new Set<string>();
  for (const comment of item.comments)
    for (const m of trustedMarkers(comment, botLogin))
      if (m.kind === "reply" && m.fields.key) replied.add(m.fields.key);
  const commands: ItemCommands = readItemCommands({
    comments: item.comments,
    since: meta.synced,
    fields: parsed.fields,
    config,
    botLogin,
    repository: facts.repo.nameWithOwner,
    incident: meta.incident,
  });
  const fields = commands.fields;
  const plan: Plan = [...commands.reactions];
  for (const reply of commands.replies) {
    if (replied.has(reply.key)) continue;
    replied.add(reply.key);
    plan.push({
      kind: "add-comment",
      purpose: "reply",
      body: reply.body(marker("reply", { key: reply.key })),
    });
  }
  for (const reply of bodyProblemReplies(parsed.problems)) {
    if (replied.has(reply.key)) continue;
    plan.push({
      kind: "add-comment",
      purpose: "reply",
      body: reply.body(marker("reply", { key: reply.key })),
    });
  }

  let body = item.body;
  for (const field of commands.changed) body = withField(body, field, fields);
  if (commands.synced && commands.synced !== meta.synced)
    body = withMeta(body, { ...meta, synced: commands.synced });
  const issueWrite = issueChanges(item, fields, commands.previousOwner, config);
  if (body !== item.body) issueWrite.body = body;
  if (Object.keys(issueWrite).length > 1) plan.push(issueWrite);

  const board = decideBoard({
    config,
    read: facts.project,
    itemId: item.id,
    open: item.state === "OPEN",
    fields,
    projectItems: facts.projectItems,
  });
  return {
    meta,
    fields,
    plan,
    board: board.plan,
    notice: board.problem ? boardProblemNotice(facts, board.problem, botLogin) : [],
  };
}

function issueChanges(
  item: ActionItemFacts["item"],
  fields: ActionItemFields,
  previousOwner: string | null,
  config: Config,
) {
  const write: Extract<Plan[number], { kind: "update-issue" }> = { kind: "update-issue" };
  const prefix = config.labels.priorityPrefix;
  const wantedPriority = fields.priority ? `${prefix}${fields.priority}` : null;
  const labels = item.labels.filter((label) => !label.startsWith(prefix) || label === wantedPriority);
  if (wantedPriority && !labels.includes(wantedPriority)) labels.push(wantedPriority);
  if (labels.length !== item.labels.length || labels.some((label) => !item.labels.includes(label)))
    write.labels = labels;
  const owner = fields.owner && !fields.owner.includes("/") ? fields.owner : null;
  const assignees = item.assignees.filter((login) => login !== previousOwner || login === owner);
  if (owner && !assignees.includes(owner)) assignees.push(owner);
  if (
    assignees.length !== item.assignees.length ||
    assignees.some((login) => !item.assignees.includes(login))
  )
    write.assignees = assignees.slice(0, 10);
  return write;
}

type Reply = { key: string; body: (marker: string) => string };

function bodyProblemReplies(problems: ReturnType<typeof parseActionItemBody>["problems"]): Reply[] {
  return problems.map((problem) => {
    const label = { owner: "Owner", due: "Due", priority: "Priority" }[problem.field as FieldName];
    const value = problem.value.replace(/`/g, "'");
    return {
      key: `body:${problem.field}:${value.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 40)}`,
      body: (m: string) => `${m}\n${actionItemWords.unreadableLine(label, value, problem.expected)}\n`,
    };
  });
}

/** One notice per problem and incident: on the incident when it is known, else on the item. */
export function boardProblemNotice(facts: ActionItemFacts, problem: BoardProblem, botLogin: string): Plan {
  const target = facts.incident ?? null;
  const earlier = (target?.comments ?? facts.item.comments).some(
    (comment) =>
      isApp(comment.author, botLogin) &&
      readMarkers(comment.body).some((m) => m.kind === "board-problem" && m.fields.key === problem.key),
  );
  if (earlier) return [];
  return [
    {
      kind: "comment-on",
      subjectId: target?.id ?? facts.item.id,
      number: target?.number ?? facts.item.number,
      purpose: "notice",
      body: boardProblemMessage(
        BUILT_IN_TEMPLATES,
        marker("board-problem", { key: problem.key }),
        problem,
        facts.item,
      ),
    },
  ];
}
