import type { Octokit } from "./client.js";
import { classifyFailure } from "./request-failure.js";

/**
 * Moves an issue to another repository of the same owner (GraphQL `transferIssue`),
 * checking first that the target is one the app can reach and that it is private:
 * a security incident must never move somewhere public. Resolves with null when
 * moved, or with why not, in words for the incident; GitHub's hiccups are thrown,
 * so the pipeline runs again.
 */
const TARGET_QUERY = /* GraphQL */ `
  query MoveTarget($owner: String!, $name: String!) {
    repository(owner: $owner, name: $name) { id nameWithOwner isPrivate isArchived }
  }
`;

const TRANSFER_MUTATION = /* GraphQL */ `
  mutation TransferIssue($issueId: ID!, $repositoryId: ID!) {
    transferIssue(input: { issueId: $issueId, repositoryId: $repositoryId, createLabelsIfMissing: true }) {
      issue { number url }
    }
  }
`;

interface TargetRepo {
  repository: { id: string; nameWithOwner: string; isPrivate: boolean; isArchived: boolean } | null;
}

/** Why a transfer did not happen: the words for the incident, and their kind (what to do next differs). */
export type MoveResult =
  | { moved: { number: number; url: string } }
  | { refused: string; why: "not-visible" | "public" | "archived" | "refused" };

export function movePrivately(octokit: Octokit, issueId: string, to: string): Promise<MoveResult> {
  return moveIssue(octokit, issueId, to, true);
}

/** `privately`: never to a public repository (a security incident). */
export async function moveIssue(
  octokit: Octokit,
  issueId: string,
  to: string,
  privately: boolean,
): Promise<MoveResult> {
  const [owner, name] = to.split("/") as [string, string];
  let target: TargetRepo["repository"];
  try {
    target = (await octokit.graphql<TargetRepo>(TARGET_QUERY, { owner, name })).repository;
  } catch (error) {
    if (!notFound(error)) throw error;
    target = null;
  }
  if (!target)
    return {
      refused: `the app cannot see \`${to}\`: it does not exist, or the app is not installed on it`,
      why: "not-visible",
    };
  if (privately && !target.isPrivate)
    return { refused: `\`${to}\` is public, and a security incident must not move there`, why: "public" };
  if (target.isArchived) return { refused: `\`${to}\` is archived`, why: "archived" };
  try {
    const data = await octokit.graphql<{ transferIssue: { issue: { number: number; url: string } } }>(
      TRANSFER_MUTATION,
      { issueId, repositoryId: target.id },
    );
    return { moved: data.transferIssue.issue };
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.retry && !notFound(error)) throw error;
    return {
      refused: `GitHub refused the transfer (${(error as Error).message ?? failure.reason})`,
      why: "refused",
    };
  }
}

function notFound(error: unknown): boolean {
  const errors = (error as { errors?: Array<{ type?: string }> }).errors ?? [];
  return errors.some((item) => item.type === "NOT_FOUND");
}

/**
 * The pointer left where the incident was: a closed issue in the code repository. The
 * moved issue keeps its own comments, so there is nothing left here to comment on; GitHub
 * redirects the old address, and this issue serves people who browse or search the code
 * repository's issues. Closed at once, so nobody triages it. Two requests (GitHub creates
 * issues open).
 */
export async function leavePointer(
  octokit: Octokit,
  where: { owner: string; repo: string },
  title: string,
  body: string,
): Promise<number> {
  const { data } = await octokit.rest.issues.create({ ...where, title, body });
  await octokit.rest.issues.update({
    ...where,
    issue_number: data.number,
    state: "closed",
    state_reason: "completed",
  });
  return data.number;
}
