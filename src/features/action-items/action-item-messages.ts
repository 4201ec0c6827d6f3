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
