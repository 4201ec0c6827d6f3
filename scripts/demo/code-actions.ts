import type { Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";

/**
 * What people do to code in the demo, through the simulator's REST API as they
 * would on GitHub: push a file to a branch, open, merge a pull request, deploy.
 */
export const OWNER = "acme";
export const REPO = "search-service";
const repo = { owner: OWNER, repo: REPO };

export async function pushFile(
  sim: Simulator,
  who: string,
  branch: string,
  path: string,
  text: string,
  message: string,
) {
  const person = sim.as(who);
  const { data: main } = await person.rest.git.getRef({ ...repo, ref: "heads/main" });
  await person.rest.git
    .createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main.object.sha })
    .catch(() => undefined);
  await updateFile(sim, who, branch, path, text, message);
}

export async function updateFile(
  sim: Simulator,
  who: string,
  branch: string,
  path: string,
  text: string,
  message: string,
) {
  await putFile(sim.as(who), repo, { branch, path, text, message });
}

/** `text` written to `path` on `branch`: created, or updated over the version there. */
export async function putFile(
  person: Octokit,
  where: { owner: string; repo: string },
  file: { branch: string; path: string; text: string; message: string },
) {
  const { branch, path } = file;
  const current = await person.rest.repos.getContent({ ...where, path, ref: branch }).catch(() => null);
  const sha = current && !Array.isArray(current.data) ? (current.data as { sha: string }).sha : undefined;
  await person.rest.repos.createOrUpdateFileContents({
    ...where,
    path,
    branch,
    message: file.message,
    content: Buffer.from(file.text).toString("base64"),
    ...(sha ? { sha } : {}),
  });
}

export async function openPull(
  sim: Simulator,
  who: string,
  head: string,
  title: string,
  body: string,
): Promise<number> {
  const { data } = await sim.as(who).rest.pulls.create({ ...repo, head, base: "main", title, body });
  return data.number;
}

/** The newest pull request whose head branch starts with `prefix`. */
export async function findPull(sim: Simulator, prefix: string): Promise<number> {
  const { data } = await sim.as("alice").rest.pulls.list({ ...repo, state: "all", per_page: 100 });
  const found = data.find((pull) => pull.head.ref.startsWith(prefix));
  if (!found) throw new Error(`demo: no pull request from a branch starting with ${prefix}`);
  return found.number;
}

export async function mergePull(sim: Simulator, who: string, number: number) {
  await sim.as(who).rest.pulls.merge({ ...repo, pull_number: number, merge_method: "squash" });
}

export async function deploy(sim: Simulator, who: string, description: string) {
  const person = sim.as(who);
  const { data } = await person.rest.repos.createDeployment({
    ...repo,
    ref: "main",
    environment: "production",
    description,
    auto_merge: false,
    required_contexts: [],
  });
  await person.rest.repos.createDeploymentStatus({
    ...repo,
    deployment_id: (data as { id: number }).id,
    state: "success",
    description,
  });
}
