import type { ProjectV2, ProjectV2Item } from "../store/project-model.js";
import {
  addProjectItem,
  type FieldValueInput,
  requireProjectAccess,
  setProjectFieldValue,
} from "../store/project-writes.js";
import {
  type Args,
  argObject,
  argString,
  type FieldFn,
  type GqlContext,
  mutationInput,
  nodeNotFound,
  type View,
} from "./gql-types.js";
import { projectItemView } from "./project-view.js";
import { resolveTarget } from "./query-root.js";

function projectOf(ctx: GqlContext, id: string): ProjectV2 {
  const target = resolveTarget(ctx, id);
  if (target.kind !== "project") throw nodeNotFound(id);
  requireProjectAccess(ctx.sim.store, ctx.viewer, target.project, "write");
  return target.project;
}

function itemOf(project: ProjectV2, id: string): ProjectV2Item {
  const item = project.items.find((i) => i.nodeId === id);
  if (!item) throw nodeNotFound(id);
  return item;
}

function fieldOf(project: ProjectV2, id: string) {
  const field = project.fields.find((f) => f.nodeId === id);
  if (!field) throw nodeNotFound(id);
  return field;
}

function payload(typename: string, args: Args, fields: Record<string, unknown>): View {
  return {
    __typename: typename,
    clientMutationId: argString(mutationInput(args), "clientMutationId") ?? null,
    ...fields,
  };
}

/** `addProjectV2ItemById`, `updateProjectV2ItemFieldValue`, `clearProjectV2ItemFieldValue`. */
export const projectMutations: Record<string, FieldFn> = {
  addProjectV2ItemById: (args, ctx) => {
    const project = projectOf(ctx, argString(mutationInput(args), "projectId") ?? "");
    const contentId = argString(mutationInput(args), "contentId") ?? "";
    const content = resolveTarget(ctx, contentId);
    if (content.kind !== "issue") throw nodeNotFound(contentId);
    const item = addProjectItem(ctx.sim.store, ctx.viewer, project, content.issue.nodeId);
    return payload("AddProjectV2ItemByIdPayload", args, {
      item: () => projectItemView(ctx.sim, project, item),
    });
  },

  updateProjectV2ItemFieldValue: (args, ctx) => {
    const i = mutationInput(args);
    const project = projectOf(ctx, argString(i, "projectId") ?? "");
    const item = itemOf(project, argString(i, "itemId") ?? "");
    const field = fieldOf(project, argString(i, "fieldId") ?? "");
    setProjectFieldValue(
      ctx.sim.store,
      project,
      item,
      field,
      (argObject(i, "value") ?? {}) as FieldValueInput,
    );
    return payload("UpdateProjectV2ItemFieldValuePayload", args, {
      projectV2Item: () => projectItemView(ctx.sim, project, item),
    });
  },

  clearProjectV2ItemFieldValue: (args, ctx) => {
    const i = mutationInput(args);
    const project = projectOf(ctx, argString(i, "projectId") ?? "");
    const item = itemOf(project, argString(i, "itemId") ?? "");
    setProjectFieldValue(ctx.sim.store, project, item, fieldOf(project, argString(i, "fieldId") ?? ""), null);
    return payload("ClearProjectV2ItemFieldValuePayload", args, {
      projectV2Item: () => projectItemView(ctx.sim, project, item),
    });
  },
};
