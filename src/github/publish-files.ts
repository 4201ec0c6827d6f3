import { createHash } from "node:crypto";
import type { LeadMutation } from "./batch-document.js";
import type { Octokit } from "./client.js";
import { COMMIT_ON_BRANCH_MUTATION } from "./queries.js";

/**
 * Writes a set of text files to a branch as one commit with GitHub's Git Data API:
 * read the branch (a missing branch becomes an orphan commit), compare each file's
 * git blob id with the one in the tree and stop when nothing changed, else create a
 * tree on top of the old one holding the changed files' text (GitHub makes their
 * blobs), a commit, and move the branch. A branch that moved meanwhile (someone
 * else published) is retried once from the start.
 */
export interface PublishFilesInput {
  owner: string;
  repo: string;
  branch: string;
  files: Array<{ path: string; content: string }>;
  message: string;
  /** The branch as a read just saw it; absent: read it here. */
  site?: SiteBranch;
  /**
   * The write that moves the branch is left to the caller's next GraphQL document
   * (`Deferred`): a branch the read found missing gets its orphan commit here and its
   * `createRef` there; on a head the read saw, the `createCommitOnBranch` goes there whole.
   */
  defer?: boolean;
}

/** A write `defer` left to the caller: it goes first in its next document (`deferredMutation`). */
export type Deferred =
  | { kind: "new-branch"; branch: string; oid: string }
  | { kind: "commit"; input: Record<string, unknown> };

/** A branch as read: its head and the blob ids of the files that matter, or absent. */
export type SiteBranch =
  | { kind: "missing" }
  | { kind: "known"; head: string; blobs: ReadonlyMap<string, string> };

export interface PublishResult {
  /** The new commit, or null when every file was already so (nothing written). */
  commitSha: string | null;
  /** With `defer`: the write the caller still makes (`commitSha` is null for a deferred commit). */
  deferred?: Deferred;
}

export type PublishFiles = (octokit: Octokit, input: PublishFilesInput) => Promise<PublishResult>;

/** Git's blob id of a text file: sha1 of `blob <bytes>\0<content>`. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest("hex");
}

export const publishFiles: PublishFiles = async (octokit, input) => {
  try {
    // Known head: one signed commit that expects it (GraphQL). Another writer moved the
    // branch meanwhile (STALE_DATA): read it again and commit by the Git Data API.
    if (input.site?.kind === "known") return await commitOnBranch(octokit, input, input.site);
  } catch (error) {
    if (!/STALE_DATA|Expected branch to point/i.test(String((error as Error).message))) throw error;
  }
  try {
    return await publishOnce(octokit, input);
  } catch (error) {
    if (!movedMeanwhile(error)) throw error;
    return publishOnce(octokit, input);
  }
};

interface Head {
  commitSha: string;
  treeSha: string;
}

async function publishOnce(octokit: Octokit, input: PublishFilesInput): Promise<PublishResult> {
  const { owner, repo, branch, files, message } = input;
  // A branch the read just found missing is made as an orphan (GraphQL cannot) without reading again.
  const head = input.site?.kind === "missing" ? null : await readHead(octokit, owner, repo, branch);
  const existing = head ? await blobShas(octokit, owner, repo, head.treeSha) : null;
  const changed = [];
  for (const file of files) {
    const current = existing ? await existing(file.path) : null;
    if (current !== gitBlobSha(file.content)) changed.push(file);
  }
  if (changed.length === 0) return { commitSha: null };

  // The tree carries the files' text: GitHub makes their blobs with it, no request per file.
  const { data: tree } = await octokit.rest.git.createTree({
    owner,
    repo,
    tree: changed.map((file) => ({
      path: file.path,
      mode: "100644" as const,
      type: "blob" as const,
      content: file.content,
    })),
    ...(head ? { base_tree: head.treeSha } : {}),
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message,
    tree: tree.sha,
    parents: head ? [head.commitSha] : [],
  });
  if (head) {
    await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
  } else if (input.defer) {
    return { commitSha: commit.sha, deferred: { kind: "new-branch", branch, oid: commit.sha } };
  } else {
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
  }
  return { commitSha: commit.sha };
}

/** The changed files as one `createCommitOnBranch`: a commit GitHub signs, on the head the read saw. */
async function commitOnBranch(
  octokit: Octokit,
  input: PublishFilesInput,
  site: { head: string; blobs: ReadonlyMap<string, string> },
): Promise<PublishResult> {
  const changed = input.files.filter((file) => site.blobs.get(file.path) !== gitBlobSha(file.content));
  if (changed.length === 0) return { commitSha: null };
  const commit = {
    branch: { repositoryNameWithOwner: `${input.owner}/${input.repo}`, branchName: input.branch },
    expectedHeadOid: site.head,
    message: { headline: input.message },
    fileChanges: {
      additions: changed.map((file) => ({
        path: file.path,
        contents: Buffer.from(file.content, "utf8").toString("base64"),
      })),
    },
  };
  if (input.defer) return { commitSha: null, deferred: { kind: "commit", input: commit } };
  const data = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
    COMMIT_ON_BRANCH_MUTATION,
    { input: commit },
  );
  return { commitSha: data.createCommitOnBranch.commit.oid };
}

async function readHead(octokit: Octokit, owner: string, repo: string, branch: string): Promise<Head | null> {
  let commitSha: string;
  try {
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    commitSha = data.object.sha;
  } catch (error) {
    if (status(error) === 404) return null;
    throw error;
  }
  const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
  return { commitSha, treeSha: commit.tree.sha };
}

type TreeEntries = Map<string, { type: string; sha: string }>;

/**
 * The blob id at a path of a tree, or null when there is none. Walks one directory
 * at a time (a site's folder is two reads), caching what it read.
 */
function blobShas(octokit: Octokit, owner: string, repo: string, rootTree: string) {
  const dirs = new Map<string, Promise<TreeEntries | null>>();
  const list = (dir: string): Promise<TreeEntries | null> => {
    let found = dirs.get(dir);
    if (!found) {
      found = (async () => {
        const sha = dir === "" ? rootTree : await entrySha(dir, "tree");
        if (!sha) return null;
        const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: sha });
        return new Map(
          data.tree.flatMap((entry) =>
            entry.path && entry.sha && entry.type
              ? [[entry.path, { type: entry.type, sha: entry.sha }] as const]
              : [],
          ),
        );
      })();
      dirs.set(dir, found);
    }
    return found;
  };
  const entrySha = async (path: string, type: "tree" | "blob"): Promise<string | null> => {
    const slash = path.lastIndexOf("/");
    const entries = await list(slash === -1 ? "" : path.slice(0, slash));
    const entry = entries?.get(path.slice(slash + 1));
    return entry?.type === type ? entry.sha : null;
  };
  return (path: string) => entrySha(path.replace(/^\/+/, ""), "blob");
}

function status(error: unknown): number | undefined {
  return (error as { status?: number } | null)?.status;
}

/** Another writer moved or created the branch between our read and our ref write. */
function movedMeanwhile(error: unknown): boolean {
  const message = String((error as Error | null)?.message ?? "");
  return status(error) === 422 && /fast forward|already exists/i.test(message);
}

/**
 * A deferred write as the first mutation of the incident's next document: the site's
 * commit (or its new branch) costs no request of its own.
 */
export function deferredMutation(repositoryId: string, deferred: Deferred): LeadMutation {
  if (deferred.kind === "commit")
    return {
      field: "createCommitOnBranch",
      inputType: "CreateCommitOnBranchInput",
      input: deferred.input,
      select: "commit { oid }",
    };
  return {
    field: "createRef",
    inputType: "CreateRefInput",
    input: { repositoryId, name: `refs/heads/${deferred.branch}`, oid: deferred.oid },
    select: "ref { id }",
  };
}
