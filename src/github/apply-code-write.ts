import { FREEZE_CHECK_NAME } from "../kernel/names.js";
import type { CodeWrite } from "../kernel/plan.js";
import type { Octokit } from "./client.js";
import { RESOLVE_REF_QUERY, REVERT_PULL_REQUEST_MUTATION, REVERT_TARGET_QUERY } from "./queries.js";
import { classifyFailure } from "./request-failure.js";

/**
 * Code writes: branches, reverts, files, pull requests, check runs. Each is checked
 * where GitHub can refuse it, and a refusal becomes a `CodeWriteError` whose message
 * is written for people (it ends up in a reply on the incident).
 */
export class CodeWriteError extends Error {}

export interface CodeWriteResult {
  /** The pull request the write opened (revert, review). */
  created: { number: number; url: string } | null;
  /** Things that went wrong without failing the write (e.g. a reviewer who cannot review). */
  notes: string[];
}

type Where = { owner: string; repo: string };

function status(error: unknown): number | null {
  const value = (error as { status?: unknown }).status;
  return typeof value === "number" ? value : null;
}

/** GitHub's own words for a refused request, without the documentation link. */
export function explain(error: unknown): string {
  if (error instanceof CodeWriteError) return error.message;
  const data = (error as { response?: { data?: { message?: unknown; errors?: unknown } } }).response?.data;
  const graphqlErrors = (error as { errors?: Array<{ message?: string }> }).errors;
  const message =
    graphqlErrors?.map((e) => e.message).join("; ") ||
    (typeof data?.message === "string" ? data.message : null) ||
    (error instanceof Error ? error.message : String(error));
  const code = status(error);
  if (code === 403) return `GitHub refused (403): ${message}. Does the app have permission for this?`;
  if (code === 404) return `not found (404): ${message}`;
  return code ? `${message} (${code})` : message;
}

async function resolveRef(octokit: Octokit, where: Where, ref: string): Promise<string> {
  const data = await octokit.graphql<{ repository: { object: { oid: string; __typename: string } | null } }>(
    RESOLVE_REF_QUERY,
    { ...where, expression: ref },
  );
  const object = data.repository.object;
  if (object?.__typename !== "Commit") {
    throw new CodeWriteError(`there is no branch, tag or commit named \`${ref}\` in this repository`);
  }
  return object.oid;
}

async function createBranch(
  octokit: Octokit,
  where: Where,
  write: Extract<CodeWrite, { kind: "create-branch" }>,
) {
  const sha = "sha" in write.from ? write.from.sha : await resolveRef(octokit, where, write.from.ref);
  try {
    await octokit.rest.git.createRef({ ...where, ref: `refs/heads/${write.branch}`, sha });
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
  let target: RevertTarget | null;
  try {
    const data = await octokit.graphql<{ repository: { issueOrPullRequest: RevertTarget | null } }>(
      REVERT_TARGET_QUERY,
      { ...where, number: write.pr },
    );
    target = data.repository.issueOrPullRequest;
  } catch (error) {
    if (!/could not resolve|not found/i.test(explain(error))) throw error;
    target = null;
  }
  if (!target) throw new CodeWriteError(`there is no pull request #${write.pr} in this repository`);
  if (target.__typename !== "PullRequest" || !target.id) {
    throw new CodeWriteError(`#${write.pr} is an issue, not a pull request`);
  }
  if (!target.merged) {
    const state = target.state === "OPEN" ? "still open" : "closed without merging";
    throw new CodeWriteError(`#${write.pr} is ${state}, so there is nothing to revert`);
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
      `GitHub could not revert #${write.pr} automatically (${explain(error)}). Revert it by hand: \`git revert -m 1 <merge commit>\` on a new branch, and open a pull request that mentions this incident`,
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
      if (write.checkRunId) await octokit.rest.checks.update({ ...fields, check_run_id: write.checkRunId });
      else await octokit.rest.checks.create({ ...fields, name: FREEZE_CHECK_NAME, head_sha: write.headSha });
      return { created: null, notes: [] };
    }
    case "comment-on-pull":
      await octokit.rest.issues.createComment({ ...where, issue_number: write.pr, body: write.body });
      return { created: null, notes: [] };
  }
}
