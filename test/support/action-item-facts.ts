import type { ActionItemFacts } from "../../src/features/action-items/action-item-facts.js";
import type { ProjectFacts } from "../../src/features/action-items/board-facts.js";
import { renderActionItemBody } from "../../src/kernel/action-item-body.js";
import type { HistoryComment } from "../../src/kernel/history.js";
import { bot, HistoryBuilder } from "./history-builder.js";

/** An action item as its read returns it, for decision tests. */
export const ITEM_BODY = renderActionItemBody({
  text: "Add an alert",
  incidentTitle: "INC-20260203-001: Search is down",
  incidentUrl: "https://github.com/acme/shop/issues/1",
  fields: { owner: "dave", due: "2026-02-06", priority: "high" },
  meta: { incident: 1, key: "c35-1", ic: "bob", synced: null },
});

export const PROJECT: ProjectFacts = {
  id: "PVT_1",
  title: "Follow-ups",
  url: "https://github.com/orgs/acme/projects/1",
  fields: [
    { id: "F_due", name: "Due", dataType: "DATE", options: [] },
    {
      id: "F_pri",
      name: "Priority",
      dataType: "SINGLE_SELECT",
      options: [
        { id: "o_high", name: "High" },
        { id: "o_med", name: "Medium" },
        { id: "o_low", name: "Low" },
      ],
    },
    {
      id: "F_status",
      name: "Status",
      dataType: "SINGLE_SELECT",
      options: [
        { id: "o_todo", name: "Todo" },
        { id: "o_done", name: "Done" },
      ],
    },
  ],
};

/** Comments written with the history builder's clock and ids (`comment(body, at, by)`). */
export function commentsOf(build: (builder: HistoryBuilder) => void): HistoryComment[] {
  const builder = new HistoryBuilder();
  build(builder);
  return builder.history.items.filter((item): item is HistoryComment => item.type === "comment");
}

export function itemFacts(
  overrides: Partial<ActionItemFacts["item"]> & Partial<Omit<ActionItemFacts, "item">> = {},
): ActionItemFacts {
  const { project, projectItems, incident, repo, ...item } = overrides;
  return {
    repo: repo ?? {
      id: "R_1",
      nameWithOwner: "acme/shop",
      url: "https://github.com/acme/shop",
      configOid: null,
    },
    item: {
      id: "I_7",
      number: 7,
      title: "Add an alert",
      body: ITEM_BODY,
      url: "https://github.com/acme/shop/issues/7",
      state: "OPEN",
      author: bot,
      assignees: ["dave"],
      labels: ["action-item", "priority: high"],
      comments: [],
      ...item,
    },
    projectItems: projectItems ?? [],
    project: project ?? { kind: "off" },
    incident:
      incident === undefined
        ? {
            id: "I_1",
            number: 1,
            title: "[INC-20260203-001] Search is down",
            url: "https://github.com/acme/shop/issues/1",
            comments: [],
          }
        : incident,
  };
}
