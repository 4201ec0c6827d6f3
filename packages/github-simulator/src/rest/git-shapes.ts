import type { SimContext } from "../sim-context.js";
import type { GitCommit } from "../store/code-model.js";
import type { Repo } from "../store/model.js";

/** Git Data API objects: refs, commits, trees, blobs. */

function api(ctx: SimContext, repo: Repo): string {
  return `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
}

function gitUser(ctx: SimContext, login: string, date: string) {
  const account = ctx.store.account(login);
  return { name: account?.name ?? login, email: `${login}@users.noreply.github.com`, date };
}

export function refShape(ctx: SimContext, repo: Repo, ref: string, sha: string): Record<string, unknown> {
  return {
    ref,
    node_id: `REF_${repo.id}_${Buffer.from(ref).toString("base64url")}`,
    url: `${api(ctx, repo)}/git/${ref}`,
    object: { type: "commit", sha, url: `${api(ctx, repo)}/git/commits/${sha}` },
  };
}

export function commitShape(ctx: SimContext, repo: Repo, commit: GitCommit): Record<string, unknown> {
  const html = `${ctx.htmlUrl}/${repo.owner}/${repo.name}/commit/${commit.sha}`;
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha}`,
    url: `${api(ctx, repo)}/git/commits/${commit.sha}`,
    html_url: html,
    author: gitUser(ctx, commit.author, commit.date),
    committer: gitUser(ctx, commit.author, commit.date),
    tree: { sha: commit.tree, url: `${api(ctx, repo)}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api(ctx, repo)}/git/commits/${sha}`,
      html_url: `${ctx.htmlUrl}/${repo.owner}/${repo.name}/commit/${sha}`,
    })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

export interface TreeEntry {
  path: string;
  type: "blob" | "tree";
  sha: string;
  size?: number;
}

export function treeShape(
  ctx: SimContext,
  repo: Repo,
  sha: string,
  entries: TreeEntry[],
): Record<string, unknown> {
  return {
    sha,
    url: `${api(ctx, repo)}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((entry) => ({
      path: entry.path,
      mode: entry.type === "tree" ? "040000" : "100644",
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === "blob" ? { size: entry.size ?? 0 } : {}),
      url: `${api(ctx, repo)}/git/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`,
    })),
  };
}

export function blobShape(ctx: SimContext, repo: Repo, sha: string, text: string): Record<string, unknown> {
  return {
    sha,
    node_id: `B_${sha}`,
    size: Buffer.byteLength(text, "utf8"),
    url: `${api(ctx, repo)}/git/blobs/${sha}`,
    content: `${Buffer.from(text, "utf8").toString("base64")}\n`,
    encoding: "base64",
  };
}
