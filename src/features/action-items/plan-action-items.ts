import type { Config } from "../../config/schema.js";
import { renderActionItemBody } from "../../kernel/action-item-body.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { marker } from "../../kernel/markers.js";
import { type Plan, refToken } from "../../kernel/plan.js";
import { block, inline } from "../../render/markdown.js";
import type { Templates } from "../../render/renderer.js";
import { actionCreatedMessage } from "./action-item-words.js";

/**
 * Each accepted `/action` without an item yet becomes an issue (§8), followed by a note
 * on the incident naming it. The note's marker carries the request's key, so the next
 * decision (the same webhook redelivered, or the comment edited) finds the item.
 */
export function planActionItems(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
  templates: Templates,
): Plan {
  const plan: Plan = [];
  const known = new Set(state.actionItems.map((item) => item.key));
  const unnoted = new Map(state.actionItems.filter((item) => !item.noted).map((item) => [item.key, item]));
  const incidentName = `${state.id ?? `#${history.issue.number}`}: ${history.issue.title.replace(/^\s*\[INC-\d{8}-\d{3,}\]\s*/, "")}`;
  for (const request of state.actionRequests) {
    const created = unnoted.get(request.key);
    if (created) {
      // The issue exists (GitHub cross-referenced it) but the note naming it was lost: write it now.
      unnoted.delete(request.key);
      plan.push(
        createdNote(request, { number: String(created.number), url: created.url }, config, templates),
      );
      continue;
    }
    if (known.has(request.key)) continue;
    known.add(request.key);
    const ref = request.key;
    const title = request.text.replace(/\s+/g, " ").trim().slice(0, 250);
    plan.push({
      kind: "create-issue",
      ref,
      title,
      body: renderActionItemBody({
        text: block(request.text, 2000),
        incidentTitle: inline(incidentName, 150).replace(/[[\]]/g, ""),
        incidentUrl: history.issue.url,
        fields: { owner: request.owner, due: request.due, priority: request.priority },
        meta: {
          incident: history.issue.number,
          key: request.key,
          ic: state.roles.ic?.[0] ?? null,
          synced: null,
        },
      }),
      labels: [config.labels.actionItem, `${config.labels.priorityPrefix}${request.priority}`],
      assignees: request.owner && !request.owner.includes("/") ? [request.owner] : [],
    });
    plan.push(
      createdNote(request, { number: refToken(ref, "number"), url: refToken(ref, "url") }, config, templates),
    );
  }
  return plan;
}

/** The note on the incident naming an item; its marker is how later decisions find the item. */
function createdNote(
  request: IncidentState["actionRequests"][number],
  issue: { number: string; url: string },
  config: Config,
  templates: Templates,
): Plan[number] {
  const note = marker("action-item-created", { key: request.key, number: issue.number });
  return {
    kind: "add-comment",
    purpose: "reply",
    body: actionCreatedMessage(templates, note, request, issue, config),
  };
}
