import type { GitData } from "./code-model.js";

/**
 * Three-way merge of flat trees: a path changed on one side only takes that side; a
 * path changed on both sides to different contents is a conflict (null).
 */
export function mergeTrees(
  git: GitData,
  baseTree: string | null,
  oursTree: string,
  theirsTree: string,
): Record<string, string> | null {
  const base = baseTree ? (git.trees[baseTree] ?? {}) : {};
  const ours = git.trees[oursTree] ?? {};
  const theirs = git.trees[theirsTree] ?? {};
  const merged: Record<string, string> = {};
  for (const path of new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)])) {
    const [b, o, t] = [base[path], ours[path], theirs[path]];
    let result: string | undefined;
    if (o === t) result = o;
    else if (o === b) result = t;
    else if (t === b) result = o;
    else return null;
    if (result !== undefined) merged[path] = result;
  }
  return merged;
}

/**
 * The tree that undoes the change `before -> after` on top of `current`: every path the
 * change touched goes back to `before`, unless it changed again since (a conflict: null).
 */
export function revertTree(
  git: GitData,
  beforeTree: string,
  afterTree: string,
  currentTree: string,
): Record<string, string> | null {
  const before = git.trees[beforeTree] ?? {};
  const after = git.trees[afterTree] ?? {};
  const result = { ...(git.trees[currentTree] ?? {}) };
  for (const path of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[path] === after[path]) continue;
    if (result[path] === before[path]) continue;
    if (result[path] !== after[path]) return null;
    const previous = before[path];
    if (previous === undefined) delete result[path];
    else result[path] = previous;
  }
  return result;
}
