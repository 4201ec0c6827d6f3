import { FREEZE_CHECK_NAME } from "../kernel/names.js";
import type { CodeWrite } from "../kernel/plan.js";
import type { Octokit } from "./client.js";
import {
  CodeWriteError,
  type CodeWriteResult,
  explain,
  status,
  unreachable,
  type Where,
} from "./code-write-error.js";
import { branchFromDeployed, createRollback } from "./deploy-rollback.js";
import { RESOLVE_REF_QUERY, REVERT_PULL_REQUEST_MUTATION, REVERT_TARGET_QUERY } from "./queries.js";
import { classifyFailure } from "./request-failure.js";

export { CodeWriteError, type CodeWriteResult, explain } from "./code-write-error.js";

/**
 * Code writes: branches, reverts, deployments, files, pull requests, check runs. Each is
 * checked where GitHub can refuse it, and a refusal becomes a `CodeWriteError` whose
 * message is written for people (it ends up in a reply on the incident).
 */
async function resolveRef(octokit: Octokit, where: Where, ref: string, elsewhere = false): Promise<string> {
  let object: { oid: string; __typename: string } | null = null;
  try {
    const data = await octokit.graphql<{
      repository: { object: { oid: string; __typename: string } | null } | null;
    }>(RESOLVE_REF_QUERY, { ...where, expression: ref });
    if (!data.repository) throw new CodeWriteError(unreachable({ owner: where.owner, name: where.repo }));
    object = data.repository.object;
  } catch (error) {
    if (error instanceof CodeWriteError || !elsewhere) throw error;
    if (!/could not resolve|not found/i.test(explain(error))) throw error;
    throw new CodeWriteError(unreachable({ owner: where.owner, name: where.repo }));
  }
  const place = elsewhere ? `\`${where.owner}/${where.repo}\`` : "this repository";
  if (object?.__typename !== "Commit") {
    throw new CodeWriteError(
      ref === "HEAD"
        ? `${place} has no commit on its default branch`
        : `there is no branch, tag or commit named \`${ref}\` in ${place}`,
    );
  }
  return object.oid;
}

async function createBranch(
  octokit: Octokit,
  where: Where,
  write: Extract<CodeWrite, { kind: "create-branch" }>,
) {
  const other = write.repository;
  const repo = other ? { owner: other.owner, repo: other.name } : where;
  const sha = "sha" in write.from ? write.from.sha : await resolveRef(octokit, repo, write.from.ref, !!other);
  try {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${write.branch}`, sha });
  } catch (error) {
    // A racing replica (or an earlier attempt) created it: that is the state we wanted.
    if (!(status(error) === 422 && /already exists/i.test(explain(error)))) throw error;
  }
}

interface RevertTarget {
  __typename: string;
  id?: string;
  number?: number;
  state?: string;
  merged?: boolean;
}

async function revertPull(
  octokit: Octokit,
  where: Where,
  write: Extract<CodeWrite, { kind: "revert-pull" }>,
) {
  const other = write.repository;
  const repo = other ? { owner: other.owner, repo: other.name } : where;
  const named = other ? `${other.owner}/${other.name}#${write.pr}` : `#${write.pr}`;
  let target: RevertTarget | null;
  let archived = false;
  const known = other ? undefined : write.target;
  if (known) {
    archived = known.archived;
    const { pull } = known;
    target =
      pull.kind === "missing"
        ? null
        : pull.kind === "issue"
          ? { __typename: "Issue", number: pull.number }
          : {
              __typename: "PullRequest",
              id: pull.id,
              number: pull.number,
              state: pull.state,
              merged: pull.merged,
            };
  } else
    try {
      const data = await octokit.graphql<{
        repository: { isArchived?: boolean; issueOrPullRequest: RevertTarget | null } | null;
      }>(REVERT_TARGET_QUERY, { ...repo, number: write.pr });
      if (!data.repository && other) throw new CodeWriteError(unreachable(other));
      archived = data.repository?.isArchived === true;
      target = data.repository?.issueOrPullRequest ?? null;
    } catch (error) {
      if (error instanceof CodeWriteError) throw error;
      if (!/could not resolve|not found/i.test(explain(error))) throw error;
      // Another repository the app cannot see: missing, or the app is not installed there.
      if (other && /repository/i.test(explain(error))) throw new CodeWriteError(unreachable(other));
      target = null;
    }
  if (archived)
    throw new CodeWriteError(`\`${repo.owner}/${repo.repo}\` is archived, so nothing can be reverted there`);
  if (!target)
    throw new CodeWriteError(
      other
        ? `there is no pull request #${write.pr} in \`${other.owner}/${other.name}\``
        : `there is no pull request #${write.pr} in this repository`,
    );
  if (target.__typename !== "PullRequest" || !target.id) {
    throw new CodeWriteError(`${named} is an issue, not a pull request`);
  }
  if (!target.merged) {
    const state = target.state === "OPEN" ? "still open" : "closed without merging";
    throw new CodeWriteError(`${named} is ${state}, so there is nothing to revert`);
  }
  try {
    const data = await octokit.graphql<{
      revertPullRequest: { revertPullRequest: { number: number; url: string } };
    }>(REVERT_PULL_REQUEST_MUTATION, {
      pullRequestId: target.id,
      title: write.title || null,
      body: write.body,
    });
    return data.revertPullRequest.revertPullRequest;
  } catch (error) {
    // GitHub was busy: the run is repeated (and only the last one reports), unlike a refusal.
    if (classifyFailure(error).retry) throw error;
    throw new CodeWriteError(
      `GitHub could not revert ${named} automatically (${explain(error)}). Revert it by hand: \`git revert -m 1 <merge commit>\` on a new branch, and open a pull request that mentions this incident`,
    );
  }
}

async function createPull(
  octokit: Octokit,
  where: Where,
  write: Extract<CodeWrite, { kind: "create-pull" }>,
) {
  const notes: string[] = [];
  const { data } = await octokit.rest.pulls.create({
    ...where,
    head: write.head,
    base: write.base,
    title: write.title,
    body: write.body,
  });
  if (write.reviewers.length > 0 || write.teamReviewers.length > 0) {
    const request = () =>
      octokit.rest.pulls.requestReviewers({
        ...where,
        pull_number: data.number,
        reviewers: write.reviewers,
        team_reviewers: write.teamReviewers,
      });
    try {
      // Asking again is harmless (the pull request is not re-planned), so GitHub's hiccup gets a second try.
      await request().catch((error: unknown) => {
        if (!classifyFailure(error).retry) throw error;
        return request();
      });
    } catch (error) {
      notes.push(`reviews could not be requested: ${explain(error)}`);
    }
  }
  return { created: { number: data.number, url: data.html_url }, notes };
}

export async function applyCodeWrite(
  octokit: Octokit,
  where: Where,
  write: CodeWrite,
): Promise<CodeWriteResult> {
  switch (write.kind) {
    case "create-branch":
      await createBranch(octokit, where, write);
      return { created: null, notes: [] };
    case "create-branch-from-deployed":
      return branchFromDeployed(octokit, write);
    case "create-deployment":
      return createRollback(octokit, write);
    case "revert-pull":
      return { created: await revertPull(octokit, where, write), notes: [] };
    case "put-file":
      await octokit.rest.repos.createOrUpdateFileContents({
        ...where,
        path: write.path,
        branch: write.branch,
        message: write.message,
        content: Buffer.from(write.content, "utf8").toString("base64"),
        ...(write.sha ? { sha: write.sha } : {}),
      });
      return { created: null, notes: [] };
    case "create-pull":
      return createPull(octokit, where, write);
    case "set-check": {
      const fields = {
        ...where,
        status: "completed" as const,
        conclusion: write.check.conclusion,
        details_url: write.check.detailsUrl,
        output: { title: write.check.title, summary: write.check.summary },
      };
      if (write.checkRun) await octokit.rest.checks.update({ ...fields, check_run_id: write.checkRun.id });
      else await octokit.rest.checks.create({ ...fields, name: FREEZE_CHECK_NAME, head_sha: write.headSha });
      return { created: null, notes: [] };
    }
    case "comment-on-pull":
      await octokit.rest.issues.createComment({ ...where, issue_number: write.pr, body: write.body });
      return { created: null, notes: [] };
  }
}
