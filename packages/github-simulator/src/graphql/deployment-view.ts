import type { SimContext } from "../sim-context.js";
import type { Deployment, DeploymentStatus } from "../store/code-model.js";
import type { Repo } from "../store/model.js";
import { connection } from "./connection.js";
import { authorView, commitView, refView } from "./git-view.js";
import { type Args, argObject, argString, argStrings, type View } from "./gql-types.js";

/** Deployments and their statuses; `deployments(environments, orderBy)` of a repository. */

function statusView(sim: SimContext, repo: Repo, deployment: Deployment, status: DeploymentStatus): View {
  return {
    __typename: "DeploymentStatus",
    id: status.nodeId,
    state: status.state.toUpperCase(),
    description: status.description,
    environment: status.environment,
    environmentUrl: status.environmentUrl || null,
    logUrl: status.logUrl || null,
    createdAt: status.createdAt,
    updatedAt: status.createdAt,
    creator: () => authorView(sim, status.creator),
    deployment: () => deploymentView(sim, repo, deployment),
  };
}

export function deploymentView(sim: SimContext, repo: Repo, deployment: Deployment): View {
  const latest = deployment.statuses.at(-1);
  const commit = repo.git.commits[deployment.sha];
  return {
    __typename: "Deployment",
    id: deployment.nodeId,
    databaseId: deployment.id,
    commitOid: deployment.sha,
    commit: () => (commit ? commitView(sim, repo, commit) : null),
    createdAt: deployment.createdAt,
    updatedAt: deployment.updatedAt,
    creator: () => authorView(sim, deployment.creator),
    description: deployment.description,
    environment: deployment.environment,
    originalEnvironment: deployment.environment,
    latestEnvironment: latest?.environment ?? deployment.environment,
    payload: JSON.stringify(deployment.payload),
    task: deployment.task,
    state: latest ? (latest.state === "success" ? "ACTIVE" : latest.state.toUpperCase()) : "PENDING",
    ref: () =>
      refView(sim, repo, `refs/heads/${deployment.ref}`) ?? refView(sim, repo, `refs/tags/${deployment.ref}`),
    latestStatus: () => (latest ? statusView(sim, repo, deployment, latest) : null),
    statuses: (args: Args) =>
      connection(deployment.statuses, args, {
        field: "statuses",
        typename: "DeploymentStatusConnection",
        edgeTypename: "DeploymentStatusEdge",
        toNode: (status) => statusView(sim, repo, deployment, status),
        key: (status) => status.id,
      }),
  };
}

export function deploymentConnection(sim: SimContext, repo: Repo, args: Args): View {
  const environments = argStrings(args, "environments");
  const direction = argString(argObject(args, "orderBy") ?? {}, "direction") === "DESC" ? -1 : 1;
  const selected = repo.deployments
    .filter((d) => !environments || environments.includes(d.environment))
    .sort((a, b) => direction * (a.id - b.id));
  return connection(selected, args, {
    field: "deployments",
    typename: "DeploymentConnection",
    edgeTypename: "DeploymentEdge",
    toNode: (deployment) => deploymentView(sim, repo, deployment),
  });
}
