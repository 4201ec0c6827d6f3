import { atOrAfter } from "../clock.js";
import type { SimContext } from "../sim-context.js";
import { blobSha, headOid, resolvesToHead } from "../store/git-objects.js";
import type { Issue, Label, Repo } from "../store/model.js";
import { accountView } from "./account-view.js";
import { connection } from "./connection.js";
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
import { treeView } from "./tree-view.js";

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

function commitView(sim: SimContext, repo: Repo): View {
  const oid = headOid(repo);
  const path = `/${repo.owner}/${repo.name}/commit/${oid}`;
  return {
    __typename: "Commit",
    id: `C_${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    message: "Simulated head commit",
    messageHeadline: "Simulated head commit",
    committedDate: repo.pushedAt,
    authoredDate: repo.pushedAt,
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    commitUrl: `${sim.htmlUrl}${path}`,
    commitResourcePath: path,
  };
}

function blobView(sim: SimContext, repo: Repo, text: string): View {
  const oid = blobSha(text);
  const commit = commitView(sim, repo);
  return {
    __typename: "Blob",
    id: `B_${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    text,
    byteSize: Buffer.byteLength(text, "utf8"),
    isBinary: false,
    isTruncated: false,
    commitUrl: commit.commitUrl,
    commitResourcePath: commit.commitResourcePath,
  };
}

/** `object(expression: "HEAD:path")`, `"<branch>:path"` or a bare rev; null when absent. */
function gitObject(sim: SimContext, repo: Repo, args: Args): View | null {
  const expression = argString(args, "expression");
  const oid = argString(args, "oid");
  if (expression === undefined) return oid === headOid(repo) ? commitView(sim, repo) : null;
  const colon = expression.indexOf(":");
  const rev = colon === -1 ? expression : expression.slice(0, colon);
  if (!resolvesToHead(repo, rev)) return null;
  if (colon === -1) return commitView(sim, repo);
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
  const text = repo.files[path];
  if (text !== undefined) return blobView(sim, repo, text);
  const isDir = path === "" || Object.keys(repo.files).some((f) => f.startsWith(`${path}/`));
  if (!isDir) return null;
  return treeView(repo, path, (blob) => blobView(sim, repo, blob));
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
    isArchived: false,
    hasIssuesEnabled: true,
    createdAt: repo.createdAt,
    updatedAt: repo.updatedAt,
    pushedAt: repo.pushedAt,
    description: null,
    owner: () => accountView(sim, sim.store.requireAccount(repo.owner)),
    defaultBranchRef: () => ({
      __typename: "Ref",
      id: `REF_${repo.id}_${repo.defaultBranch}`,
      name: repo.defaultBranch,
      prefix: "refs/heads/",
      target: () => commitView(sim, repo),
    }),
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
      if (!issue) {
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
      return issueView(sim, repo, issue);
    },
    issues: (args: Args) => issueConnection(sim, repo, repo.issues, args),
  };
}
