import { requirePermission } from "../store/access.js";
import type { GitData } from "../store/code-model.js";
import { writeBlob, writeCommit, writeTree } from "../store/git-objects.js";
import { createRef, deleteRef, updateRef } from "../store/git-writes.js";
import type { Repo } from "../store/model.js";
import { notFound, SimError } from "../store/sim-error.js";
import { blobShape, commitShape, refShape, type TreeEntry, treeShape } from "./git-shapes.js";
import { isObject } from "./openapi-spec.js";
import { bodyOf, repoFor, stringField } from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

/** The Git Data API: refs, blobs, trees and commits. */

function fullRef(param: string | undefined): string {
  return `refs/${(param ?? "").replace(/^refs\//, "")}`;
}

function commitOf(repo: Repo, sha: string) {
  const commit = repo.git.commits[sha];
  if (!commit) throw notFound();
  return commit;
}

/** Top-level entries of a flat tree (subdirectories become derived subtrees), or all with `recursive`. */
function entriesOf(git: GitData, sha: string, recursive: boolean): TreeEntry[] {
  const flat = git.trees[sha];
  if (!flat) throw notFound();
  const entries: TreeEntry[] = [];
  const dirs = new Map<string, Record<string, string>>();
  for (const [path, blob] of Object.entries(flat)) {
    const parts = path.split("/");
    for (let depth = 1; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join("/");
      if (!recursive && depth > 1) break;
      const inner = dirs.get(dir) ?? {};
      inner[parts.slice(depth).join("/")] = blob;
      dirs.set(dir, inner);
    }
    if (parts.length === 1 || recursive)
      entries.push({ path, type: "blob", sha: blob, size: Buffer.byteLength(git.blobs[blob] ?? "") });
  }
  for (const [dir, inner] of dirs) entries.push({ path: dir, type: "tree", sha: writeTree(git, inner) });
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

function createTree(req: RestRequest, repo: Repo): string {
  const body = bodyOf(req);
  const base = stringField(body, "base_tree");
  const flat: Record<string, string> = { ...(base ? (repo.git.trees[base] ?? {}) : {}) };
  if (base && !repo.git.trees[base]) throw new SimError("UNPROCESSABLE", "Invalid tree info");
  for (const item of Array.isArray(body.tree) ? body.tree : []) {
    if (!isObject(item)) continue;
    const path = String(item.path ?? "");
    if (typeof item.content === "string") flat[path] = writeBlob(repo.git, item.content);
    else if (item.sha === null) {
      for (const key of Object.keys(flat)) if (key === path || key.startsWith(`${path}/`)) delete flat[key];
    } else if (typeof item.sha === "string") {
      if (!repo.git.blobs[item.sha]) throw new SimError("UNPROCESSABLE", "Invalid tree info");
      flat[path] = item.sha;
    }
  }
  return writeTree(repo.git, flat);
}

export const gitHandlers: Record<string, RestHandler> = {
  "git/get-ref": (req) => {
    const repo = repoFor(req);
    const ref = fullRef(req.params.ref);
    const sha = repo.git.refs[ref];
    if (!sha) throw notFound();
    return { status: 200, body: refShape(req.ctx, repo, ref, sha) };
  },

  "git/list-matching-refs": (req) => {
    const repo = repoFor(req);
    const prefix = fullRef(req.params.ref);
    const refs = Object.entries(repo.git.refs).filter(([ref]) => ref.startsWith(prefix));
    return { status: 200, body: refs.map(([ref, sha]) => refShape(req.ctx, repo, ref, sha)) };
  },

  "git/create-ref": (req) => {
    const repo = repoFor(req);
    const body = bodyOf(req);
    const ref = stringField(body, "ref") ?? "";
    const sha = stringField(body, "sha") ?? "";
    createRef(req.ctx.store, req.caller.login, repo, ref, sha);
    return { status: 201, body: refShape(req.ctx, repo, ref, sha) };
  },

  "git/update-ref": (req) => {
    const repo = repoFor(req);
    const body = bodyOf(req);
    const ref = fullRef(req.params.ref);
    updateRef(
      req.ctx.store,
      req.caller.login,
      repo,
      ref,
      stringField(body, "sha") ?? "",
      body.force === true,
    );
    return { status: 200, body: refShape(req.ctx, repo, ref, repo.git.refs[ref] ?? "") };
  },

  "git/delete-ref": (req) => {
    const repo = repoFor(req);
    deleteRef(req.ctx.store, req.caller.login, repo, fullRef(req.params.ref));
    return { status: 204 };
  },

  "git/create-blob": (req) => {
    const repo = repoFor(req);
    requirePermission(req.ctx.store, req.caller.login, repo, "write");
    const body = bodyOf(req);
    const raw = stringField(body, "content") ?? "";
    const text =
      stringField(body, "encoding") === "base64" ? Buffer.from(raw, "base64").toString("utf8") : raw;
    const sha = writeBlob(repo.git, text);
    return {
      status: 201,
      body: { sha, url: `${req.ctx.apiUrl}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}` },
    };
  },

  "git/get-blob": (req) => {
    const repo = repoFor(req);
    const sha = req.params.file_sha ?? "";
    const text = repo.git.blobs[sha];
    if (text === undefined) throw notFound();
    return { status: 200, body: blobShape(req.ctx, repo, sha, text) };
  },

  "git/create-tree": (req) => {
    const repo = repoFor(req);
    requirePermission(req.ctx.store, req.caller.login, repo, "write");
    const sha = createTree(req, repo);
    return { status: 201, body: treeShape(req.ctx, repo, sha, entriesOf(repo.git, sha, false)) };
  },

  "git/get-tree": (req) => {
    const repo = repoFor(req);
    const sha = req.params.tree_sha ?? "";
    const recursive = !["", "0", "false"].includes(req.url.searchParams.get("recursive") ?? "");
    return { status: 200, body: treeShape(req.ctx, repo, sha, entriesOf(repo.git, sha, recursive)) };
  },

  "git/create-commit": (req) => {
    const repo = repoFor(req);
    requirePermission(req.ctx.store, req.caller.login, repo, "write");
    const body = bodyOf(req);
    const tree = stringField(body, "tree") ?? "";
    if (!repo.git.trees[tree]) throw new SimError("UNPROCESSABLE", "Tree SHA does not exist");
    const parents = (Array.isArray(body.parents) ? body.parents : []).map(String);
    for (const parent of parents)
      if (!repo.git.commits[parent])
        throw new SimError("UNPROCESSABLE", "Parent SHA does not exist or is not a commit object");
    const commit = writeCommit(repo.git, {
      tree,
      parents,
      message: stringField(body, "message") ?? "",
      author: req.ctx.store.requireAccount(req.caller.login).login,
      date: req.ctx.store.now(),
    });
    return { status: 201, body: commitShape(req.ctx, repo, commit) };
  },

  "git/get-commit": (req) => {
    const repo = repoFor(req);
    return { status: 200, body: commitShape(req.ctx, repo, commitOf(repo, req.params.commit_sha ?? "")) };
  },
};
