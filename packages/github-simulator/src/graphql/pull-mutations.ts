import { revertPull } from "../store/revert-pull.js";
import { type Args, argObject, argString, type FieldFn, GqlError } from "./gql-types.js";
import { mutationPayload } from "./mutation-kit.js";
import { pullView } from "./pull-view.js";
import { resolveTarget } from "./query-root.js";

/** `revertPullRequest(input: { pullRequestId, title, body, draft })`. */
export const pullMutations: Record<string, FieldFn> = {
  revertPullRequest: (args: Args, ctx) => {
    const input = argObject(args, "input") ?? {};
    const id = argString(input, "pullRequestId") ?? "";
    const target = resolveTarget(ctx, id);
    if (target.kind !== "issue" || !target.issue.pull) {
      throw new GqlError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
    }
    const { repo, issue } = target;
    const revert = revertPull(ctx.sim.store, ctx.viewer, repo, issue, {
      title: argString(input, "title") ?? null,
      body: argString(input, "body") ?? null,
      draft: input.draft === true,
    });
    return mutationPayload("RevertPullRequestPayload", args, {
      pullRequest: () => pullView(ctx.sim, repo, issue),
      revertPullRequest: () => pullView(ctx.sim, repo, revert),
    });
  },
};
