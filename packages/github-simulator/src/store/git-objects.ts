import { createHash } from "node:crypto";
import type { GitCommit, GitData } from "./code-model.js";
import type { Repo } from "./model.js";

/**
 * Git objects of a repository: blobs, flat trees and commits, with ids computed the
 * way git does for blobs (so a file's `oid` is its real blob sha) and deterministically
 * for trees and commits.
 */

const sha1 = (text: string | Buffer) => createHash("sha1").update(text).digest("hex");

/** Git's blob id for a text file: sha1 of `blob <bytes>\0<content>`, as GitHub reports it. */
export function blobSha(text: string): string {
  const content = Buffer.from(text, "utf8");
  return sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
}

export function emptyGit(): GitData {
  return { blobs: {}, trees: {}, commits: {}, refs: {} };
}

export function writeBlob(git: GitData, text: string): string {
  const sha = blobSha(text);
  git.blobs[sha] = text;
  return sha;
}

/** A flat tree (full path -> blob sha); its id is a hash of its sorted entries. */
export function writeTree(git: GitData, entries: Record<string, string>): string {
  const sorted = Object.keys(entries)
    .sort()
    .map((path) => `${path}\0${entries[path]}\n`)
    .join("");
  const sha = sha1(`tree ${sorted}`);
  git.trees[sha] = Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((path) => [path, entries[path] ?? ""]),
  );
  return sha;
}

export function writeFilesTree(git: GitData, files: Record<string, string>): string {
  return writeTree(
    git,
    Object.fromEntries(Object.entries(files).map(([path, text]) => [path, writeBlob(git, text)])),
  );
}

export function writeCommit(git: GitData, commit: Omit<GitCommit, "sha">): GitCommit {
  const sha = sha1(
    `commit tree ${commit.tree}\nparents ${commit.parents.join(" ")}\nauthor ${commit.author} ${commit.date}\n\n${commit.message}`,
  );
  const written = { ...commit, sha };
  git.commits[sha] = written;
  return written;
}

/** path -> text of a tree. */
export function treeFiles(git: GitData, treeSha: string): Record<string, string> {
  const tree = git.trees[treeSha] ?? {};
  return Object.fromEntries(Object.entries(tree).map(([path, blob]) => [path, git.blobs[blob] ?? ""]));
}

export function branchRef(name: string): string {
  return name.startsWith("refs/") ? name : `refs/heads/${name}`;
}

export function branchHead(repo: Repo, branch: string): string | null {
  return repo.git.refs[branchRef(branch)] ?? null;
}

export function defaultHead(repo: Repo): string {
  return branchHead(repo, repo.defaultBranch) ?? "";
}

/**
 * A revision as GitHub's APIs accept it: absent or `HEAD` (the default branch), a
 * branch or tag (with or without `refs/heads/`), a full ref, or a full or abbreviated
 * commit sha. Null when it names nothing.
 */
export function resolveCommit(repo: Repo, rev: string | null | undefined): GitCommit | null {
  const { git } = repo;
  if (rev === null || rev === undefined || rev === "" || rev === "HEAD")
    return git.commits[defaultHead(repo)] ?? null;
  const candidates = [rev, `refs/heads/${rev}`, `refs/tags/${rev}`, `refs/${rev}`];
  for (const ref of candidates) {
    const sha = git.refs[ref];
    if (sha) return git.commits[sha] ?? null;
  }
  if (/^[0-9a-f]{4,40}$/i.test(rev)) {
    const matches = Object.keys(git.commits).filter((sha) => sha.startsWith(rev.toLowerCase()));
    if (matches.length === 1) return git.commits[matches[0] as string] ?? null;
  }
  return null;
}

export function filesAt(repo: Repo, rev: string | null | undefined): Record<string, string> | null {
  const commit = resolveCommit(repo, rev);
  return commit ? treeFiles(repo.git, commit.tree) : null;
}

/** Every commit reachable from `sha`, nearest first. */
export function ancestors(git: GitData, sha: string): string[] {
  const seen: string[] = [];
  const queue = [sha];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.includes(next) || !git.commits[next]) continue;
    seen.push(next);
    queue.push(...(git.commits[next]?.parents ?? []));
  }
  return seen;
}

export function mergeBase(git: GitData, a: string, b: string): string | null {
  const ofA = new Set(ancestors(git, a));
  return ancestors(git, b).find((sha) => ofA.has(sha)) ?? null;
}

/** Paths whose content differs between two trees. */
export function changedPaths(git: GitData, fromTree: string | null, toTree: string): string[] {
  const from = fromTree ? (git.trees[fromTree] ?? {}) : {};
  const to = git.trees[toTree] ?? {};
  return [...new Set([...Object.keys(from), ...Object.keys(to)])]
    .filter((path) => from[path] !== to[path])
    .sort();
}

/** Files under `dir` (no trailing slash; "" for the root), by path relative to it. */
export function filesUnder(files: Record<string, string>, dir: string): Array<[string, string]> {
  const prefix = dir === "" ? "" : `${dir}/`;
  return Object.keys(files)
    .filter((path) => path.startsWith(prefix))
    .sort()
    .map((path) => [path.slice(prefix.length), files[path] ?? ""]);
}

/** A stand-in for a tree's id: changes whenever a file below it is added, removed or edited. */
export function treeSha(files: Record<string, string>, dir: string): string {
  const hash = createHash("sha1").update(`tree ${dir}\n`);
  for (const [path, text] of filesUnder(files, dir)) hash.update(`${path}\0${blobSha(text)}\n`);
  return hash.digest("hex");
}
