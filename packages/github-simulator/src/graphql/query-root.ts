import { permissionOf } from "../store/access.js";
import { projectAccess } from "../store/project-writes.js";
import type { NodeTarget } from "../store/store.js";
import { accountView } from "./account-view.js";
import {
  type Args,
  argString,
  argStrings,
  type FieldFn,
  type GqlContext,
  GqlError,
  nodeNotFound,
  type View,
} from "./gql-types.js";
import { commentView, issueView } from "./issue-view.js";
import { organizationProject, projectItemView, projectView } from "./project-view.js";
import { labelView, repoView } from "./repo-view.js";
import { search } from "./search-view.js";
import { eventView } from "./timeline-view.js";

/** The node's repository, if it has one, must be visible to the viewer. */
export function resolveTarget(ctx: GqlContext, id: string): NodeTarget {
  const target = ctx.sim.store.resolveNode(id);
  if (!target) throw nodeNotFound(id);
  if (target.kind === "project" || target.kind === "project-item") {
    if (projectAccess(ctx.sim.store, ctx.viewer, target.project) === "none") throw nodeNotFound(id);
    return target;
  }
  if (target.kind !== "account" && !permissionOf(ctx.sim.store, ctx.viewer, target.repo))
    throw nodeNotFound(id);
  return target;
}

export function targetView(ctx: GqlContext, target: NodeTarget): View {
  const { sim } = ctx;
  switch (target.kind) {
    case "account":
      return accountView(sim, target.account);
    case "repo":
      return repoView(sim, target.repo);
    case "issue":
      return issueView(sim, target.repo, target.issue);
    case "comment":
      return commentView(sim, target.repo, target.issue, target.comment);
    case "label":
      return labelView(sim, target.repo, target.label);
    case "event":
      return eventView(sim, target.repo, target.issue, target.event);
    case "project":
      return projectView(sim, target.project);
    case "project-item":
      return projectItemView(sim, target.project, target.item);
  }
}

export const queryRoot: Record<string, FieldFn> = {
  search,
  repository: (args: Args, ctx: GqlContext) => {
    const owner = argString(args, "owner") ?? "";
    const name = argString(args, "name") ?? "";
    const repo = ctx.sim.store.findRepo(owner, name);
    if (!repo || !permissionOf(ctx.sim.store, ctx.viewer, repo)) {
      throw new GqlError("NOT_FOUND", `Could not resolve to a Repository with the name '${owner}/${name}'.`);
    }
    return repoView(ctx.sim, repo);
  },
  node: (args: Args, ctx: GqlContext) => targetView(ctx, resolveTarget(ctx, argString(args, "id") ?? "")),
  nodes: (args: Args, ctx: GqlContext) =>
    (argStrings(args, "ids") ?? []).map((id) => targetView(ctx, resolveTarget(ctx, id))),
  // Observed on GitHub: `viewer.login` keeps the `[bot]` suffix for an installation token,
  // while an author's `login` drops it.
  viewer: (_args: Args, ctx: GqlContext) => {
    const account = ctx.sim.store.requireAccount(ctx.viewer);
    return { ...accountView(ctx.sim, account), login: account.login };
  },
  user: (args: Args, ctx: GqlContext) => {
    const login = argString(args, "login") ?? "";
    const account = ctx.sim.store.account(login);
    if (account?.type !== "User") {
      throw new GqlError("NOT_FOUND", `Could not resolve to a User with the login of '${login}'.`);
    }
    return accountView(ctx.sim, account);
  },
  organization: (args: Args, ctx: GqlContext) => {
    const login = argString(args, "login") ?? "";
    const account = ctx.sim.store.account(login);
    if (account?.type !== "Organization") {
      throw new GqlError("NOT_FOUND", `Could not resolve to an Organization with the login of '${login}'.`);
    }
    return {
      ...accountView(ctx.sim, account),
      projectV2: (projectArgs: Args, projectCtx: GqlContext) =>
        organizationProject(ctx.sim, account.login, projectArgs, projectCtx),
    };
  },
};
