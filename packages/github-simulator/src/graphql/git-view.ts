import type { SimContext } from "../sim-context.js";
import type { CheckRun, GitCommit } from "../store/code-model.js";
import { blobSha, resolveCommit, treeFiles } from "../store/git-objects.js";
import type { Repo } from "../store/model.js";
import { accountView } from "./account-view.js";
import { connection } from "./connection.js";
import { type Args, argNumber, argObject, argString, type View } from "./gql-types.js";
import { treeEntryView, treeView } from "./tree-view.js";

/** Commits, blobs, trees and refs, and a commit's check suites and runs. */

export function commitView(sim: SimContext, repo: Repo, commit: GitCommit): View {
  const path = `/${repo.owner}/${repo.name}/commit/${commit.sha}`;
  const [headline = ""] = commit.message.split("\n");
  return {
    __typename: "Commit",
    id: `C_${commit.sha}`,
    oid: commit.sha,
    abbreviatedOid: commit.sha.slice(0, 7),
    message: commit.message,
    messageHeadline: headline,
    committedDate: commit.date,
    authoredDate: commit.date,
    pushedDate: commit.date,
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    commitUrl: `${sim.htmlUrl}${path}`,
    commitResourcePath: path,
    checkSuites: (args: Args) => checkSuites(sim, repo, commit.sha, args),
    file: (args: Args) => fileEntry(sim, repo, commit, argString(args, "path") ?? ""),
    parents: (args: Args) =>
      connection(commit.parents, args, {
        field: "parents",
        typename: "CommitConnection",
        edgeTypename: "CommitEdge",
        toNode: (sha) => {
          const parent = repo.git.commits[sha];
          return parent ? commitView(sim, repo, parent) : null;
        },
      }),
  };
}

function appView(sim: SimContext, login: string): View {
  const slug = login.replace(/\[bot\]$/, "");
  return {
    __typename: "App",
    id: `A_${sim.app.id}`,
    databaseId: sim.app.id,
    slug,
    name: slug,
    url: `${sim.htmlUrl}/apps/${slug}`,
  };
}

const upper = (text: string | null) => (text === null ? null : text.toUpperCase());

function checkRunView(sim: SimContext, repo: Repo, run: CheckRun): View {
  const path = `/${repo.owner}/${repo.name}/runs/${run.id}`;
  return {
    __typename: "CheckRun",
    id: run.nodeId,
    databaseId: run.id,
    name: run.name,
    status: upper(run.status),
    conclusion: upper(run.conclusion),
    title: run.title,
    summary: run.summary,
    text: run.text,
    detailsUrl: run.detailsUrl,
    externalId: run.externalId,
    startedAt: run.startedAt,
    completedAt: run.completedAt,
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    permalink: `${sim.htmlUrl}${path}`,
  };
}

function checkSuites(sim: SimContext, repo: Repo, sha: string, args: Args): View {
  const filter = argObject(args, "filterBy") ?? {};
  const appId = argNumber(filter, "appId");
  const name = argString(filter, "checkName");
  const suites = repo.checkSuites
    .filter((suite) => suite.headSha === sha)
    // Every suite here is the app's (only apps create check runs), so an appId filter keeps them or none.
    .filter(() => appId === undefined || appId === sim.app.id)
    .filter((suite) => !name || repo.checkRuns.some((run) => run.suiteId === suite.id && run.name === name));
  return connection(suites, args, {
    field: "checkSuites",
    typename: "CheckSuiteConnection",
    edgeTypename: "CheckSuiteEdge",
    toNode: (suite) => ({
      __typename: "CheckSuite",
      id: suite.nodeId,
      databaseId: suite.id,
      app: appView(sim, suite.app),
      createdAt: suite.createdAt,
      checkRuns: (runArgs: Args) => {
        const runFilter = argObject(runArgs, "filterBy") ?? {};
        const runName = argString(runFilter, "checkName");
        const runs = repo.checkRuns.filter(
          (run) => run.suiteId === suite.id && (!runName || run.name === runName),
        );
        return connection(runs, runArgs, {
          field: "checkRuns",
          typename: "CheckRunConnection",
          edgeTypename: "CheckRunEdge",
          toNode: (run) => checkRunView(sim, repo, run),
          key: (run) => run.id,
        });
      },
    }),
    key: (suite) => suite.id,
  });
}

export function blobView(sim: SimContext, repo: Repo, text: string): View {
  const oid = blobSha(text);
  return {
    __typename: "Blob",
    id: `B_${oid}`,
    oid,
    abbreviatedOid: oid.slice(0, 7),
    text,
    byteSize: Buffer.byteLength(text, "utf8"),
    isBinary: false,
    isTruncated: false,
    commitUrl: `${sim.htmlUrl}/${repo.owner}/${repo.name}`,
    commitResourcePath: `/${repo.owner}/${repo.name}`,
  };
}

export function refView(sim: SimContext, repo: Repo, fullName: string): View | null {
  const sha = repo.git.refs[fullName];
  const commit = sha ? repo.git.commits[sha] : undefined;
  if (!commit) return null;
  const prefix = fullName.startsWith("refs/heads/")
    ? "refs/heads/"
    : fullName.startsWith("refs/tags/")
      ? "refs/tags/"
      : "refs/";
  return {
    __typename: "Ref",
    id: `REF_${repo.id}_${Buffer.from(fullName).toString("base64url")}`,
    name: fullName.slice(prefix.length),
    prefix,
    target: () => commitView(sim, repo, commit),
  };
}

/** `object(expression: "HEAD:path")`, `"<branch or sha>:path"`, a bare rev, or `oid`; null when absent. */
export function gitObject(sim: SimContext, repo: Repo, args: Args): View | null {
  const expression = argString(args, "expression");
  const oid = argString(args, "oid");
  if (expression === undefined) {
    const commit = oid ? repo.git.commits[oid] : undefined;
    return commit ? commitView(sim, repo, commit) : null;
  }
  const colon = expression.indexOf(":");
  const commit = resolveCommit(repo, colon === -1 ? expression : expression.slice(0, colon));
  if (!commit) return null;
  if (colon === -1) return commitView(sim, repo, commit);
  return objectAt(sim, repo, commit, expression.slice(colon + 1));
}

/** The blob or tree at a path of a commit; null when absent. */
function objectAt(sim: SimContext, repo: Repo, commit: GitCommit, rawPath: string): View | null {
  const files = treeFiles(repo.git, commit.tree);
  const path = rawPath.replace(/^\/+|\/+$/g, "");
  const text = files[path];
  if (text !== undefined) return blobView(sim, repo, text);
  const isDir = path === "" || Object.keys(files).some((f) => f.startsWith(`${path}/`));
  if (!isDir) return null;
  return treeView(files, path, (text) => blobView(sim, repo, text));
}

/** `Commit.file(path:)`: the tree entry of a file or folder as of that commit; null when absent. */
function fileEntry(sim: SimContext, repo: Repo, commit: GitCommit, rawPath: string): View | null {
  const path = rawPath.replace(/^\/+|\/+$/g, "");
  const object = path === "" ? null : objectAt(sim, repo, commit, path);
  if (!object) return null;
  return treeEntryView(path, object);
}

export function authorView(sim: SimContext, login: string): View {
  return accountView(sim, sim.store.requireAccount(login));
}
