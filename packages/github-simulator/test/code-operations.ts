import type { Octokit } from "@octokit/rest";
import { botOctokit } from "../src/bot-octokit.js";
import type { Simulator } from "../src/simulator.js";

type Keep = (operationId: string, response: { status: number; data: unknown }) => void;

/**
 * Calls every code operation once (git data, contents, pulls, checks, deployments) on
 * `acme/svc`, as a person and as the app, handing each response to `keep`.
 */
export async function exerciseCodeOperations(sim: Simulator, alice: Octokit, keep: Keep): Promise<void> {
  const repo = { owner: "acme", repo: "svc" };
  const main = await alice.rest.git.getRef({ ...repo, ref: "heads/main" });
  keep("git/get-ref", main);
  keep("git/list-matching-refs", await alice.rest.git.listMatchingRefs({ ...repo, ref: "heads/" }));
  const base = main.data.object.sha;
  const blob = await alice.rest.git.createBlob({ ...repo, content: "export const x = 1;\n" });
  keep("git/create-blob", blob);
  keep("git/get-blob", await alice.rest.git.getBlob({ ...repo, file_sha: blob.data.sha }));
  const baseCommit = await alice.rest.git.getCommit({ ...repo, commit_sha: base });
  keep("git/get-commit", baseCommit);
  const tree = await alice.rest.git.createTree({
    ...repo,
    base_tree: baseCommit.data.tree.sha,
    tree: [{ path: "src/x.ts", mode: "100644", type: "blob", sha: blob.data.sha }],
  });
  keep("git/create-tree", tree);
  keep("git/get-tree", await alice.rest.git.getTree({ ...repo, tree_sha: tree.data.sha, recursive: "1" }));
  const commit = await alice.rest.git.createCommit({
    ...repo,
    message: "Add x",
    tree: tree.data.sha,
    parents: [base],
  });
  keep("git/create-commit", commit);
  keep(
    "git/create-ref",
    await alice.rest.git.createRef({ ...repo, ref: "refs/heads/feature", sha: commit.data.sha }),
  );
  const file = await alice.rest.repos.createOrUpdateFileContents({
    ...repo,
    path: "src/y.ts",
    message: "Add y",
    content: Buffer.from("export const y = 2;\n").toString("base64"),
    branch: "feature",
  });
  keep("repos/create-or-update-file-contents", file);
  await alice.rest.git.createRef({ ...repo, ref: "refs/heads/scratch", sha: base });
  keep(
    "git/update-ref",
    await alice.rest.git.updateRef({ ...repo, ref: "heads/scratch", sha: commit.data.sha }),
  );
  keep("git/delete-ref", await alice.rest.git.deleteRef({ ...repo, ref: "heads/scratch" }));

  const pull = await alice.rest.pulls.create({
    ...repo,
    title: "Add x and y",
    head: "feature",
    base: "main",
    body: "b",
  });
  keep("pulls/create", pull);
  const pull_number = pull.data.number;
  keep("pulls/get", await alice.rest.pulls.get({ ...repo, pull_number }));
  keep("pulls/list", await alice.rest.pulls.list({ ...repo, state: "all" }));
  keep("pulls/update", await alice.rest.pulls.update({ ...repo, pull_number, body: "b2" }));
  keep("pulls/list-files", await alice.rest.pulls.listFiles({ ...repo, pull_number }));
  keep(
    "pulls/request-reviewers",
    await alice.rest.pulls.requestReviewers({ ...repo, pull_number, reviewers: ["carl"] }),
  );
  keep(
    "pulls/list-requested-reviewers",
    await alice.rest.pulls.listRequestedReviewers({ ...repo, pull_number }),
  );

  const bot = await botOctokit(sim);
  const run = await bot.rest.checks.create({
    ...repo,
    name: "incident-freeze",
    head_sha: pull.data.head.sha,
    conclusion: "failure",
    output: { title: "Frozen", summary: "s" },
  });
  keep("checks/create", run);
  keep(
    "checks/update",
    await bot.rest.checks.update({ ...repo, check_run_id: run.data.id, conclusion: "success" }),
  );
  keep("checks/get", await bot.rest.checks.get({ ...repo, check_run_id: run.data.id }));
  keep("checks/list-for-ref", await bot.rest.checks.listForRef({ ...repo, ref: pull.data.head.sha }));
  keep("pulls/merge", await alice.rest.pulls.merge({ ...repo, pull_number }));

  const deployment = await alice.rest.repos.createDeployment({
    ...repo,
    ref: "main",
    environment: "production",
  });
  keep("repos/create-deployment", deployment);
  const deployment_id = (deployment.data as { id: number }).id;
  keep("repos/get-deployment", await alice.rest.repos.getDeployment({ ...repo, deployment_id }));
  keep("repos/list-deployments", await alice.rest.repos.listDeployments(repo));
  keep(
    "repos/create-deployment-status",
    await alice.rest.repos.createDeploymentStatus({ ...repo, deployment_id, state: "success" }),
  );
  keep(
    "repos/list-deployment-statuses",
    await alice.rest.repos.listDeploymentStatuses({ ...repo, deployment_id }),
  );
}
