import { type CheckInput, createCheckRun, updateCheckRun } from "../store/check-writes.js";
import type { CheckConclusion, CheckRun, CheckStatus } from "../store/code-model.js";
import { branchHead, branchRef } from "../store/git-objects.js";
import { commitFiles, createRef } from "../store/git-writes.js";
import type { Repo } from "../store/model.js";
import { createPull, requestReviewers, requirePull } from "../store/pull-writes.js";
import { commitView, refView } from "./git-view.js";
import {
  type Args,
  argObject,
  argString,
  argStrings,
  type FieldFn,
  type GqlContext,
  GqlError,
  mutationInput,
  nodeNotFound,
  type View,
} from "./gql-types.js";
import { mutationPayload, targetOfKind } from "./mutation-kit.js";
import { pullView } from "./pull-view.js";
import { resolveTarget } from "./query-root.js";

/**
 * Code mutations as GitHub's GraphQL API has them: check runs, refs, signed commits
 * on a branch (`createCommitOnBranch`, which refuses a stale `expectedHeadOid`), pull
 * requests and review requests. Each runs the same store write as its REST endpoint.
 */

const repoOf = (ctx: GqlContext, id: string): Repo => targetOfKind(ctx, id, "repo").repo;

function checkInput(input: Args): CheckInput {
  const output = argObject(input, "output");
  const status = argString(input, "status")?.toLowerCase() as CheckStatus | undefined;
  const conclusion = argString(input, "conclusion")?.toLowerCase() as CheckConclusion | undefined;
  return {
    name: argString(input, "name"),
    headSha: argString(input, "headSha"),
    ...(status ? { status } : {}),
    ...(conclusion ? { conclusion } : {}),
    ...(output
      ? { title: argString(output, "title") ?? null, summary: argString(output, "summary") ?? null }
      : {}),
    ...(output && "text" in output ? { text: argString(output, "text") ?? null } : {}),
    ...("detailsUrl" in input ? { detailsUrl: argString(input, "detailsUrl") ?? null } : {}),
    ...("externalId" in input ? { externalId: argString(input, "externalId") ?? null } : {}),
  };
}

function checkRunPayload(ctx: GqlContext, typename: string, args: Args, repo: Repo, run: CheckRun): View {
  // The run is viewed through its commit's suites, as the read sees it.
  const checkRun = () => ({
    __typename: "CheckRun",
    id: run.nodeId,
    databaseId: run.id,
    name: run.name,
    status: run.status.toUpperCase(),
    conclusion: run.conclusion?.toUpperCase() ?? null,
    title: run.title,
    summary: run.summary,
    detailsUrl: run.detailsUrl,
    url: `${ctx.sim.htmlUrl}/${repo.owner}/${repo.name}/runs/${run.id}`,
  });
  return mutationPayload(typename, args, { checkRun });
}

/** The branch a `CommittableBranch` names: by repository and name (an id of a ref is not supported here). */
function committableBranch(ctx: GqlContext, branch: Args): { repo: Repo; name: string } {
  const nameWithOwner = argString(branch, "repositoryNameWithOwner") ?? "";
  const name = argString(branch, "branchName") ?? "";
  const [owner = "", repoName = ""] = nameWithOwner.split("/");
  const repo = ctx.sim.store.findRepo(owner, repoName);
  if (!repo || !name) {
    throw new GqlError("NOT_FOUND", `Could not resolve to a Repository with the name '${nameWithOwner}'.`);
  }
  resolveTarget(ctx, repo.nodeId);
  return { repo, name: name.replace(/^refs\/heads\//, "") };
}

export const codeMutations: Record<string, FieldFn> = {
  createCheckRun: (args, ctx) => {
    const input = mutationInput(args);
    const repo = repoOf(ctx, argString(input, "repositoryId") ?? "");
    const run = createCheckRun(ctx.sim.store, ctx.viewer, repo, checkInput(input));
    return checkRunPayload(ctx, "CreateCheckRunPayload", args, repo, run);
  },

  updateCheckRun: (args, ctx) => {
    const input = mutationInput(args);
    const repo = repoOf(ctx, argString(input, "repositoryId") ?? "");
    const id = argString(input, "checkRunId") ?? "";
    const found = repo.checkRuns.find((run) => run.nodeId === id);
    if (!found) throw nodeNotFound(id);
    const run = updateCheckRun(ctx.sim.store, ctx.viewer, repo, found.id, checkInput(input));
    return checkRunPayload(ctx, "UpdateCheckRunPayload", args, repo, run);
  },

  createRef: (args, ctx) => {
    const input = mutationInput(args);
    const repo = repoOf(ctx, argString(input, "repositoryId") ?? "");
    const name = argString(input, "name") ?? "";
    createRef(ctx.sim.store, ctx.viewer, repo, name, argString(input, "oid") ?? "");
    return mutationPayload("CreateRefPayload", args, { ref: () => refView(ctx.sim, repo, name) });
  },

  createCommitOnBranch: (args, ctx) => {
    const input = mutationInput(args);
    const { repo, name } = committableBranch(ctx, argObject(input, "branch") ?? {});
    const head = branchHead(repo, name);
    const expected = argString(input, "expectedHeadOid") ?? "";
    if (!head) throw new GqlError("NOT_FOUND", `A ref named "${branchRef(name)}" does not exist.`);
    if (head !== expected) {
      throw new GqlError(
        "STALE_DATA",
        `Expected branch to point to "${expected}" but it did not. Pull and try again.`,
      );
    }
    const message = argObject(input, "message") ?? {};
    const headline = argString(message, "headline") ?? "";
    const body = argString(message, "body");
    const files = argObject(input, "fileChanges") ?? {};
    const changes: Record<string, string | null> = {};
    for (const addition of (files.additions as Args[] | undefined) ?? [])
      changes[argString(addition, "path") ?? ""] = Buffer.from(
        argString(addition, "contents") ?? "",
        "base64",
      ).toString("utf8");
    for (const deletion of (files.deletions as Args[] | undefined) ?? [])
      changes[argString(deletion, "path") ?? ""] = null;
    const commit = commitFiles(ctx.sim.store, ctx.viewer, repo, {
      branch: name,
      message: body ? `${headline}\n\n${body}` : headline,
      changes,
    });
    return mutationPayload("CreateCommitOnBranchPayload", args, {
      commit: () => commitView(ctx.sim, repo, commit),
      ref: () => refView(ctx.sim, repo, branchRef(name)),
    });
  },

  createPullRequest: (args, ctx) => {
    const input = mutationInput(args);
    const repo = repoOf(ctx, argString(input, "repositoryId") ?? "");
    const issue = createPull(ctx.sim.store, ctx.viewer, repo, {
      title: argString(input, "title") ?? "",
      body: argString(input, "body") ?? null,
      head: argString(input, "headRefName") ?? "",
      base: argString(input, "baseRefName") ?? "",
      draft: input.draft === true,
    });
    return mutationPayload("CreatePullRequestPayload", args, {
      pullRequest: () => pullView(ctx.sim, repo, issue),
    });
  },

  requestReviews: (args, ctx) => {
    const input = mutationInput(args);
    const id = argString(input, "pullRequestId") ?? "";
    const target = resolveTarget(ctx, id);
    if (target.kind !== "issue" || !target.issue.pull) throw nodeNotFound(id);
    const { repo, issue } = target;
    const users = (argStrings(input, "userIds") ?? []).map(
      (userId) => targetOfKind(ctx, userId, "account").account.login,
    );
    if ((argStrings(input, "teamIds") ?? []).length > 0)
      throw new GqlError("NOT_FOUND", "Team review requests are not simulated.");
    // Without `union`, GitHub replaces the requested reviewers with these (once they are valid).
    const pull = requirePull(issue);
    const before = pull.requestedReviewers;
    if (input.union !== true) pull.requestedReviewers = [];
    try {
      requestReviewers(ctx.sim.store, ctx.viewer, repo, issue, users, []);
    } catch (error) {
      pull.requestedReviewers = before;
      throw error;
    }
    return mutationPayload("RequestReviewsPayload", args, {
      pullRequest: () => pullView(ctx.sim, repo, issue),
    });
  },
};
