import { atOrAfter } from "../clock.js";
import type { SimContext } from "../sim-context.js";
import type { Issue, Label, Repo } from "../store/model.js";
import { accountView } from "./account-view.js";
import { connection } from "./connection.js";
import { deploymentConnection } from "./deployment-view.js";
import { gitObject, refView } from "./git-view.js";
import {
  type Args,
  argNumber,
  argObject,
  argString,
  argStrings,
  type GqlContext,
  GqlError,
  type View,
} from "./gql-types.js";
import { issueView } from "./issue-view.js";
import { pullConnection, pullView } from "./pull-view.js";

export function labelView(sim: SimContext, repo: Repo, label: Label): View {
  const path = `/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`;
  return {
    __typename: "Label",
    id: label.nodeId,
    name: label.name,
    color: label.color,
    description: label.description,
    isDefault: false,
    createdAt: label.createdAt,
    updatedAt: label.updatedAt,
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    issues: (args: Args, _ctx: GqlContext) =>
      issueConnection(
        sim,
        repo,
        repo.issues.filter((i) => i.labelIds.includes(label.id)),
        args,
      ),
  };
}

const ISSUE_ORDER: Record<string, (issue: Issue) => number> = {
  CREATED_AT: (i) => Date.parse(i.createdAt),
  UPDATED_AT: (i) => Date.parse(i.updatedAt),
  COMMENTS: (i) => i.commentIds.length,
};

/**
 * `issues(...)`: `labels` matches any of the names (GraphQL's semantics; REST's
 * `labels` needs all); `filterBy.since` compares `updatedAt`. Default order: created, ascending.
 */
export function issueConnection(sim: SimContext, repo: Repo, issues: Issue[], args: Args): View {
  const filterBy = argObject(args, "filterBy") ?? {};
  const labelNames = [...(argStrings(args, "labels") ?? []), ...(argStrings(filterBy, "labels") ?? [])].map(
    (l) => l.toLowerCase(),
  );
  const states = argStrings(args, "states") ?? argStrings(filterBy, "states");
  const since = argString(filterBy, "since");
  const assignee = argString(filterBy, "assignee");
  const createdBy = argString(filterBy, "createdBy");
  const selected = issues.filter((issue) => {
    if (issue.pull) return false;
    if (states && !states.includes(issue.state.toUpperCase())) return false;
    if (labelNames.length > 0) {
      const names = issue.labelIds.map((id) => sim.store.labelById(repo, id).name.toLowerCase());
      if (!labelNames.some((l) => names.includes(l))) return false;
    }
    if (since && !atOrAfter(issue.updatedAt, since)) return false;
    if (assignee && !issue.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())) return false;
    if (createdBy && issue.author.toLowerCase() !== createdBy.toLowerCase()) return false;
    return true;
  });
  const orderBy = argObject(args, "orderBy");
  const keyOf = ISSUE_ORDER[argString(orderBy ?? {}, "field") ?? "CREATED_AT"] ?? ISSUE_ORDER.CREATED_AT;
  const direction = argString(orderBy ?? {}, "direction") === "DESC" ? -1 : 1;
  if (keyOf) selected.sort((a, b) => direction * (keyOf(a) - keyOf(b) || a.number - b.number));
  return connection(selected, args, {
    field: "issues",
    typename: "IssueConnection",
    edgeTypename: "IssueEdge",
    toNode: (issue) => issueView(sim, repo, issue),
  });
}

export function repoView(sim: SimContext, repo: Repo): View {
  const path = `/${repo.owner}/${repo.name}`;
  return {
    __typename: "Repository",
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    isPrivate: repo.private,
    visibility: repo.private ? "PRIVATE" : "PUBLIC",
    isArchived: repo.archived === true,
    hasIssuesEnabled: true,
    createdAt: repo.createdAt,
    updatedAt: repo.updatedAt,
    pushedAt: repo.pushedAt,
    description: null,
    owner: () => accountView(sim, sim.store.requireAccount(repo.owner)),
    defaultBranchRef: () => refView(sim, repo, `refs/heads/${repo.defaultBranch}`),
    ref: (args: Args) => {
      const name = argString(args, "qualifiedName") ?? "";
      return refView(sim, repo, name.startsWith("refs/") ? name : `refs/heads/${name}`);
    },
    refs: (args: Args) => {
      const prefix = argString(args, "refPrefix") ?? "refs/";
      const query = argString(args, "query")?.toLowerCase();
      const names = Object.keys(repo.git.refs)
        .filter((name) => name.startsWith(prefix))
        .filter((name) => !query || name.slice(prefix.length).toLowerCase().includes(query))
        .sort();
      return connection(names, args, {
        field: "refs",
        typename: "RefConnection",
        edgeTypename: "RefEdge",
        toNode: (name) => refView(sim, repo, name),
      });
    },
    pullRequests: (args: Args) => pullConnection(sim, repo, args),
    pullRequest: (args: Args) => {
      const number = argNumber(args, "number") ?? 0;
      const issue = sim.store.findIssue(repo, number);
      if (!issue?.pull) {
        throw new GqlError("NOT_FOUND", `Could not resolve to a PullRequest with the number of ${number}.`);
      }
      return pullView(sim, repo, issue);
    },
    deployments: (args: Args) => deploymentConnection(sim, repo, args),
    labels: (args: Args) =>
      connection(repo.labels, args, {
        field: "labels",
        typename: "LabelConnection",
        edgeTypename: "LabelEdge",
        toNode: (label) => labelView(sim, repo, label),
      }),
    label: (args: Args) => {
      const label = sim.store.findLabel(repo, argString(args, "name") ?? "");
      return label ? labelView(sim, repo, label) : null;
    },
    object: (args: Args) => gitObject(sim, repo, args),
    issue: (args: Args) => {
      const number = argNumber(args, "number") ?? 0;
      const issue = sim.store.findIssue(repo, number);
      if (!issue || issue.pull) {
        throw new GqlError("NOT_FOUND", `Could not resolve to an Issue with the number of ${number}.`);
      }
      return issueView(sim, repo, issue);
    },
    issueOrPullRequest: (args: Args) => {
      const number = argNumber(args, "number") ?? 0;
      const issue = sim.store.findIssue(repo, number);
      if (!issue) {
        throw new GqlError(
          "NOT_FOUND",
          `Could not resolve to an issue or pull request with the number of ${number}.`,
        );
      }
      return issue.pull ? pullView(sim, repo, issue) : issueView(sim, repo, issue);
    },
    issues: (args: Args) => issueConnection(sim, repo, repo.issues, args),
  };
}
