import type { Probot } from "probot";
import type { Association } from "../kernel/history.js";
import { asOctokit, type Octokit } from "./client.js";

/**
 * The GitHub side of commands typed in Slack (§15): which installation serves a
 * repository, whether the mapped person may work on it, and the comment (or, to
 * declare, the issue) the app writes for them.
 */

/** The repository's installation, as an Octokit; null when the app is not installed there. */
export async function installationFor(probot: Probot, owner: string, repo: string): Promise<Octokit | null> {
  const app = asOctokit(await probot.auth());
  try {
    const { data } = await app.rest.apps.getRepoInstallation({ owner, repo });
    return asOctokit(await probot.auth(data.id));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/**
 * The association GitHub would give the person's comment, as far as one request
 * tells: the repository's owner, someone with access (GitHub's collaborator check,
 * which counts organisation members with access), or nobody in particular.
 */
export async function associationOf(
  octokit: Octokit,
  owner: string,
  repo: string,
  login: string,
): Promise<Association> {
  if (login.toLowerCase() === owner.toLowerCase()) return "OWNER";
  try {
    await octokit.rest.repos.checkCollaborator({ owner, repo, username: login });
    return "COLLABORATOR";
  } catch (error) {
    if ((error as { status?: number }).status === 404) return "NONE";
    throw error;
  }
}

export async function postRelayedComment(
  octokit: Octokit,
  where: { owner: string; repo: string; number: number },
  body: string,
): Promise<{ id: number; url: string }> {
  const { data } = await octokit.rest.issues.createComment({
    owner: where.owner,
    repo: where.repo,
    issue_number: where.number,
    body,
  });
  return { id: data.id, url: data.html_url };
}

/** The issue a declaration from Slack starts as; the relayed `/declare` on it declares it. */
export async function openIssue(
  octokit: Octokit,
  where: { owner: string; repo: string },
  title: string,
  body: string,
): Promise<{ number: number; url: string }> {
  const { data } = await octokit.rest.issues.create({ owner: where.owner, repo: where.repo, title, body });
  return { number: data.number, url: data.html_url };
}

/**
 * Whether the app already relayed the Slack message `ts` to this issue (its from-slack
 * marker names the ts). Read only for Slack's retries: comments since a minute before.
 */
export async function relayedAlready(
  octokit: Octokit,
  where: { owner: string; repo: string; number: number },
  messageTs: string,
): Promise<boolean> {
  const since = new Date((Number(messageTs.split(".")[0]) - 60) * 1000).toISOString();
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.number,
    since,
    per_page: 100,
  });
  const relayed = (body: string) =>
    body
      .split("\n")
      .some((line) => line.startsWith("<!-- incident-app:from-slack ") && line.includes(` ts=${messageTs} `));
  return comments.some((comment) => comment.user?.type === "Bot" && relayed(comment.body ?? ""));
}
