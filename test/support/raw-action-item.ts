import type { ActionItemFacts } from "../../src/features/action-items/action-item-facts.js";
import type { Actor } from "../../src/kernel/history.js";

/** An action item's read (`ActionItem`) in the exact JSON shape GitHub's GraphQL API returns, for nock tests. */
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const rawActor = (actor: Actor | null) =>
  actor
    ? {
        __typename: actor.kind,
        login: actor.kind === "Bot" ? actor.login.replace(/\[bot\]$/, "") : actor.login,
      }
    : null;

export function rawActionItemResponse(facts: ActionItemFacts) {
  const { item, incident, project } = facts;
  return {
    repository: {
      id: facts.repo.id,
      nameWithOwner: facts.repo.nameWithOwner,
      url: facts.repo.url,
      configFile: null,
      issue: {
        id: item.id,
        number: item.number,
        title: item.title,
        body: item.body,
        url: item.url,
        state: item.state,
        createdAt: "2026-02-03T14:42:01Z",
        closedAt: null,
        author: rawActor(item.author),
        assignees: { nodes: item.assignees.map((login) => ({ login })) },
        labels: { nodes: item.labels.map((name) => ({ name })) },
        comments: {
          nodes: item.comments.map((comment) => ({
            id: comment.id,
            databaseId: comment.databaseId,
            url: comment.url,
            body: comment.body,
            createdAt: iso(comment.at),
            lastEditedAt: comment.editedAt ? iso(comment.editedAt) : null,
            author: rawActor(comment.author),
            authorAssociation: comment.association,
            reactionGroups: comment.appReactions.map((content) => ({ content, viewerHasReacted: true })),
          })),
        },
        ...(project.kind === "off"
          ? {}
          : {
              projectItems: {
                nodes: facts.projectItems.map((entry) => ({
                  id: entry.id,
                  project: { id: entry.projectId },
                  fieldValues: {
                    nodes: Object.entries(entry.values).map(([fieldId, value]) =>
                      value.date
                        ? {
                            __typename: "ProjectV2ItemFieldDateValue",
                            date: value.date,
                            field: { id: fieldId },
                          }
                        : {
                            __typename: "ProjectV2ItemFieldSingleSelectValue",
                            optionId: value.optionId,
                            field: { id: fieldId },
                          },
                    ),
                  },
                })),
              },
            }),
      },
      ...(incident
        ? {
            incident: {
              id: incident.id,
              number: incident.number,
              title: incident.title,
              url: incident.url,
              comments: {
                nodes: incident.comments.map((c) => ({ body: c.body, author: rawActor(c.author) })),
              },
            },
          }
        : {}),
    },
    ...(project.kind === "found"
      ? {
          organization: {
            projectV2: {
              id: project.project.id,
              title: project.project.title,
              url: project.project.url,
              fields: {
                nodes: project.project.fields.map((field) => ({
                  __typename:
                    field.dataType === "SINGLE_SELECT" ? "ProjectV2SingleSelectField" : "ProjectV2Field",
                  id: field.id,
                  name: field.name,
                  dataType: field.dataType,
                  ...(field.dataType === "SINGLE_SELECT" ? { options: field.options } : {}),
                })),
              },
            },
          },
        }
      : {}),
  };
}
