import type { GitData } from "@incident-app/github-simulator";

/**
 * Every file the app committed, as `<branch>/<path>` -> content at the branch's head:
 * for each branch, the paths changed by commits the app's bot authored on it.
 */
export function committedFiles(git: GitData, botLogin: string): Map<string, string> {
  const files = new Map<string, string>();
  const pathsOf = (tree: string | undefined) => git.trees[tree ?? ""] ?? {};
  for (const [ref, head] of Object.entries(git.refs)) {
    if (!ref.startsWith("refs/heads/")) continue;
    const branch = ref.slice("refs/heads/".length);
    const headFiles = pathsOf(git.commits[head]?.tree);
    const seen = new Set<string>();
    const queue = [head];
    while (queue.length > 0) {
      const sha = queue.shift() as string;
      const commit = git.commits[sha];
      if (!commit || seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...commit.parents);
      if (commit.author !== botLogin) continue;
      const before = pathsOf(git.commits[commit.parents[0] ?? ""]?.tree);
      const after = pathsOf(commit.tree);
      for (const path of new Set([...Object.keys(before), ...Object.keys(after)])) {
        const blob = headFiles[path];
        if (before[path] !== after[path] && blob !== undefined)
          files.set(`${branch}/${path}`, git.blobs[blob] ?? "");
      }
    }
  }
  return files;
}
