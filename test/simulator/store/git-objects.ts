import { createHash } from "node:crypto";
import type { Repo } from "./model.js";

/** Git's blob id for a text file: sha1 of `blob <bytes>\0<content>`, as GitHub reports it. */
export function blobSha(text: string): string {
  const content = Buffer.from(text, "utf8");
  return createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]))
    .digest("hex");
}

/** A stable stand-in for the default branch's head commit: changes whenever a file does. */
export function headOid(repo: Repo): string {
  const hash = createHash("sha1").update(`commit ${repo.owner}/${repo.name}\n`);
  for (const path of Object.keys(repo.files).sort())
    hash.update(`${path}\0${blobSha(repo.files[path] ?? "")}\n`);
  return hash.digest("hex");
}

/** Resolves a ref (branch name, `HEAD`, the head oid, or absent) of the default branch; null if unknown. */
export function resolvesToHead(repo: Repo, ref: string | null | undefined): boolean {
  if (ref === null || ref === undefined || ref === "" || ref === "HEAD") return true;
  const name = ref.replace(/^refs\/heads\//, "");
  return name === repo.defaultBranch || ref === headOid(repo);
}

/** Files under `dir` (no trailing slash; "" for the root), by path relative to it. */
export function filesUnder(repo: Repo, dir: string): Array<[string, string]> {
  const prefix = dir === "" ? "" : `${dir}/`;
  return Object.keys(repo.files)
    .filter((path) => path.startsWith(prefix))
    .sort()
    .map((path) => [path.slice(prefix.length), repo.files[path] ?? ""]);
}

/** A stand-in for a tree's id: changes whenever a file below it is added, removed or edited. */
export function treeSha(repo: Repo, dir: string): string {
  const hash = createHash("sha1").update(`tree ${dir}\n`);
  for (const [path, text] of filesUnder(repo, dir)) hash.update(`${path}\0${blobSha(text)}\n`);
  return hash.digest("hex");
}
