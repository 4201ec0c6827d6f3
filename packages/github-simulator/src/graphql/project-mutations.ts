import type { ProjectV2, ProjectV2Item } from "../store/project-model.js";
import {
  addProjectItem,
  type FieldValueInput,
  requireProjectAccess,
  setProjectFieldValue,
} from "../store/project-writes.js";
import {
  argObject,
  argString,
  type FieldFn,
  type GqlContext,
  mutationInput,
  nodeNotFound,
} from "./gql-types.js";
import { mutationPayload, targetOfKind } from "./mutation-kit.js";
import { projectItemView } from "./project-view.js";

function projectOf(ctx: GqlContext, id: string): ProjectV2 {
  const target = targetOfKind(ctx, id, "project");
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

/** `addProjectV2ItemById`, `updateProjectV2ItemFieldValue`, `clearProjectV2ItemFieldValue`. */
export const projectMutations: Record<string, FieldFn> = {
  addProjectV2ItemById: (args, ctx) => {
    const project = projectOf(ctx, argString(mutationInput(args), "projectId") ?? "");
    const content = targetOfKind(ctx, argString(mutationInput(args), "contentId") ?? "", "issue");
    const item = addProjectItem(ctx.sim.store, ctx.viewer, project, content.issue.nodeId);
    return mutationPayload("AddProjectV2ItemByIdPayload", args, {
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
    return mutationPayload("UpdateProjectV2ItemFieldValuePayload", args, {
      projectV2Item: () => projectItemView(ctx.sim, project, item),
    });
  },

  clearProjectV2ItemFieldValue: (args, ctx) => {
    const i = mutationInput(args);
    const project = projectOf(ctx, argString(i, "projectId") ?? "");
    const item = itemOf(project, argString(i, "itemId") ?? "");
    setProjectFieldValue(ctx.sim.store, project, item, fieldOf(project, argString(i, "fieldId") ?? ""), null);
    return mutationPayload("ClearProjectV2ItemFieldValuePayload", args, {
      projectV2Item: () => projectItemView(ctx.sim, project, item),
    });
  },
};
