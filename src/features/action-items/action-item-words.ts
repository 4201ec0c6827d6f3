import type { Config } from "../../config/schema.js";
import type { ActionRequest } from "../../kernel/incident-state.js";
import { inline, mention } from "../../render/markdown.js";
import type { Templates } from "../../render/renderer.js";
import type { BoardProblem } from "./board-facts.js";

/**
 * Messages about action items: the note on the incident that one was created (from
 * `/action` or a row of the merged review), and board problems.
 */
export function actionCreatedMessage(
  templates: Templates,
  markerText: string,
  request: ActionRequest,
  created: { number: string; url: string },
  config: Config,
): string {
  return templates.render("action-item-created", {
    marker: markerText,
    number: created.number,
    url: created.url,
    title: inline(request.text, 200),
    owner: request.owner ? mention(request.owner) : "nobody yet",
    due: request.due ?? "none",
    priority: request.priority,
    board: config.project !== undefined,
    review: request.review ?? null,
  });
}

export function boardProblemMessage(
  templates: Templates,
  markerText: string,
  problem: BoardProblem,
  item: { number: number; url: string },
): string {
  return templates.render("board-problem", {
    marker: markerText,
    number: item.number,
    url: item.url,
    lines: problem.lines,
  });
}

/** What the action-items room says outside its templates: board problems and command refusals. */
export const actionItemWords = {
  noProject: (name: string) =>
    `There is no ${name}, or the app cannot see it. Only organisation projects work (GitHub Apps cannot reach user projects).`,
  projectForbidden: (name: string, message: string) =>
    `The app may not use the ${name} (${message}). Grant the app "Organization projects: read and write".`,
  noField: (title: string, field: string) => `The project “${title}” has no field ${field}.`,
  wrongFieldType: (field: string, title: string, dataType: string, wanted: string) =>
    `The field ${field} of “${title}” is ${dataType.toLowerCase()}; it must be ${wanted === "DATE" ? "a date" : "single select"}.`,
  noOption: (field: string, title: string, option: string) =>
    `The field ${field} of “${title}” has no option ${option}.`,
  outsider: (login: string) =>
    `Thanks, @${login}. Only repository members and collaborators can change an action item with commands; edit requests go to its owner.`,
  incidentCommand: (kind: string, incident: number) =>
    `\`/${kind}\` is an incident command: run it on the incident (#${incident}). On an action item: \`/due <date>\`, \`/owner @user\`, \`/priority high|medium|low\`.`,
  editReruns: "Editing the comment re-runs its commands.",
  unreadableLine: (label: string, value: string, expected: string) =>
    `The **${label}** line says \`${value}\`, which the app cannot read: expected ${expected}. Until it is fixed, the app uses no ${label.toLowerCase()} for reminders and the board.`,
  boardRefused: (reason: string) =>
    `GitHub refused the board change: ${reason}. Check that the app has "Organization projects: read and write" and that the project and its fields exist.`,
};
