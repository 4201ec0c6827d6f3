import type { RequestLogEntry } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { putFile } from "../../scripts/demo/code-actions.js";

/** People's code in the simulator, made as they make it through GitHub's REST API. */
export type Where = { owner: string; repo: string };

/** What the app asked for, by name: a GraphQL operation's name, or `METHOD operation`. */
export const requestNames = (requests: RequestLogEntry[]) =>
  requests.map((entry) => entry.graphql ?? `${entry.method} ${entry.operation}`);

/** `text` committed to `path` on `branch`, the branch made from main if it is not there yet. */
export async function commitOnBranch(
  octokit: Octokit,
  where: Where,
  branch: string,
  path: string,
  text: string,
): Promise<void> {
  const exists = await octokit.rest.git.getRef({ ...where, ref: `heads/${branch}` }).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const { data: main } = await octokit.rest.git.getRef({ ...where, ref: "heads/main" });
    await octokit.rest.git.createRef({ ...where, ref: `refs/heads/${branch}`, sha: main.object.sha });
  }
  await putFile(octokit, where, { branch, path, text, message: path });
}

export interface PullSpec {
  branch: string;
  path: string;
  /** What the change writes; `<branch>\n` by default. */
  text?: string;
  body?: string;
  /** Merged into main (the default), or left open. */
  merge?: boolean;
}

/** A pull request of one change into main, titled with its branch; its number. */
export async function pullWith(octokit: Octokit, where: Where, spec: PullSpec): Promise<number> {
  await commitOnBranch(octokit, where, spec.branch, spec.path, spec.text ?? `${spec.branch}\n`);
  const { data } = await octokit.rest.pulls.create({
    ...where,
    head: spec.branch,
    base: "main",
    title: spec.branch,
    ...(spec.body === undefined ? {} : { body: spec.body }),
  });
  if (spec.merge !== false) await octokit.rest.pulls.merge({ ...where, pull_number: data.number });
  return data.number;
}

/** A production deployment of main that the CD made and finished successfully. */
export async function deployedToProduction(
  octokit: Octokit,
  where: Where,
): Promise<{ id: number; sha: string }> {
  const { data } = await octokit.rest.repos.createDeployment({
    ...where,
    ref: "main",
    environment: "production",
  });
  const deployment = data as { id: number; sha: string };
  await octokit.rest.repos.createDeploymentStatus({
    ...where,
    deployment_id: deployment.id,
    state: "success",
  });
  return deployment;
}
