import type { SimContext } from "../sim-context.js";
import type { ProjectV2, ProjectV2Field, ProjectV2Item } from "../store/project-model.js";
import { projectAccess, requireProjectAccess } from "../store/project-writes.js";
import { accountViewByLogin } from "./account-view.js";
import { connection } from "./connection.js";
import {
  type Args,
  argNumber,
  argString,
  argStrings,
  type GqlContext,
  GqlError,
  type View,
} from "./gql-types.js";
import { issueView } from "./issue-view.js";

/** Projects v2 as GraphQL sees them: boards, fields (with options), items and their field values. */

export function projectFieldView(sim: SimContext, project: ProjectV2, field: ProjectV2Field): View {
  const base: View = {
    __typename: field.dataType === "SINGLE_SELECT" ? "ProjectV2SingleSelectField" : "ProjectV2Field",
    id: field.nodeId,
    databaseId: field.id,
    name: field.name,
    dataType: field.dataType,
    createdAt: field.createdAt,
    updatedAt: field.createdAt,
    project: () => projectView(sim, project),
  };
  if (field.dataType !== "SINGLE_SELECT") return base;
  return {
    ...base,
    options: (args: Args) => {
      const names = argStrings(args, "names");
      return field.options
        .filter((option) => !names || names.includes(option.name))
        .map((option) => ({
          __typename: "ProjectV2SingleSelectFieldOption",
          id: option.id,
          name: option.name,
          nameHTML: option.name,
          color: "GRAY",
          description: "",
          descriptionHTML: "",
        }));
    },
  };
}

function fieldValueView(
  sim: SimContext,
  project: ProjectV2,
  item: ProjectV2Item,
  field: ProjectV2Field,
): View | null {
  const value = item.values[field.nodeId];
  if (!value) return null;
  const base = {
    id: `PVTFV_${item.id}_${field.id}`,
    databaseId: item.id * 1000 + field.id,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    creator: () => accountViewByLogin(sim, item.creator),
    field: () => projectFieldView(sim, project, field),
    item: () => projectItemView(sim, project, item),
  };
  if (value.date !== undefined)
    return { __typename: "ProjectV2ItemFieldDateValue", ...base, date: value.date };
  if (value.optionId !== undefined) {
    const option = field.options.find((o) => o.id === value.optionId);
    return {
      __typename: "ProjectV2ItemFieldSingleSelectValue",
      ...base,
      optionId: value.optionId,
      name: option?.name ?? null,
      nameHTML: option?.name ?? null,
      color: "GRAY",
      description: null,
      descriptionHTML: null,
    };
  }
  if (value.text !== undefined)
    return { __typename: "ProjectV2ItemFieldTextValue", ...base, text: value.text };
  return { __typename: "ProjectV2ItemFieldNumberValue", ...base, number: value.number ?? null };
}

export function projectItemView(sim: SimContext, project: ProjectV2, item: ProjectV2Item): View {
  const values = () =>
    project.fields.flatMap((field) => {
      const view = fieldValueView(sim, project, item, field);
      return view ? [view] : [];
    });
  return {
    __typename: "ProjectV2Item",
    id: item.nodeId,
    databaseId: item.id,
    fullDatabaseId: String(item.id),
    type: "ISSUE",
    isArchived: false,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    creator: () => accountViewByLogin(sim, item.creator),
    project: () => projectView(sim, project),
    content: () => {
      const target = sim.store.resolveNode(item.contentNodeId);
      return target?.kind === "issue" ? issueView(sim, target.repo, target.issue) : null;
    },
    fieldValues: (args: Args) =>
      connection(values(), args, {
        field: "fieldValues",
        typename: "ProjectV2ItemFieldValueConnection",
        edgeTypename: "ProjectV2ItemFieldValueEdge",
        toNode: (value) => value,
      }),
    fieldValueByName: (args: Args) => {
      const name = argString(args, "name") ?? "";
      const field = project.fields.find((f) => f.name === name);
      return field ? fieldValueView(sim, project, item, field) : null;
    },
  };
}

export function projectView(sim: SimContext, project: ProjectV2): View {
  const path = `/orgs/${project.owner}/projects/${project.number}`;
  return {
    __typename: "ProjectV2",
    id: project.nodeId,
    databaseId: project.id,
    fullDatabaseId: String(project.id),
    number: project.number,
    title: project.title,
    closed: project.closed,
    closedAt: null,
    public: false,
    template: false,
    readme: null,
    shortDescription: null,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    owner: () => accountViewByLogin(sim, project.owner),
    creator: null,
    fields: (args: Args) =>
      connection(project.fields, args, {
        field: "fields",
        typename: "ProjectV2FieldConfigurationConnection",
        edgeTypename: "ProjectV2FieldConfigurationEdge",
        toNode: (field) => projectFieldView(sim, project, field),
      }),
    field: (args: Args) => {
      const found = project.fields.find((f) => f.name === argString(args, "name"));
      return found ? projectFieldView(sim, project, found) : null;
    },
    items: (args: Args) =>
      connection(project.items, args, {
        field: "items",
        typename: "ProjectV2ItemConnection",
        edgeTypename: "ProjectV2ItemEdge",
        toNode: (item) => projectItemView(sim, project, item),
      }),
  };
}

/** `organization { projectV2(number:) }`: FORBIDDEN without the permission, NOT_FOUND without the board. */
export function organizationProject(sim: SimContext, org: string, args: Args, ctx: GqlContext): View {
  const number = argNumber(args, "number") ?? 0;
  const project = sim.store.state.projects.find(
    (p) => p.owner.toLowerCase() === org.toLowerCase() && p.number === number,
  );
  if (!project)
    throw new GqlError("NOT_FOUND", `Could not resolve to a ProjectV2 with the number ${number}.`);
  requireProjectAccess(sim.store, ctx.viewer, project, "read");
  return projectView(sim, project);
}

/** `Issue.projectItems`: the issue's items on boards the viewer may see. */
export function issueProjectItems(sim: SimContext, issueNodeId: string, args: Args, ctx: GqlContext): View {
  const items = sim.store.state.projects.flatMap((project) =>
    projectAccess(sim.store, ctx.viewer, project) === "none"
      ? []
      : project.items.filter((item) => item.contentNodeId === issueNodeId).map((item) => ({ project, item })),
  );
  return connection(items, args, {
    field: "projectItems",
    typename: "ProjectV2ItemConnection",
    edgeTypename: "ProjectV2ItemEdge",
    toNode: ({ project, item }) => projectItemView(sim, project, item),
  });
}
