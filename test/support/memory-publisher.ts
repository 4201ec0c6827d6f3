import { createHash } from "node:crypto";
import type { PublishFiles } from "../../src/github/publish-files.js";

/**
 * A record of what the app published behind the `publishFiles` seam: the files per
 * branch and the commits. With `through` (the real `publishFiles`, pointed at the
 * simulator) it records what the real one committed; without, it is the branch itself
 * and, like the real one, commits nothing when every file is already so.
 */
export interface MemoryPublisher {
  publish: PublishFiles;
  /** path → content, per branch. */
  branches: Map<string, Map<string, string>>;
  commits: Array<{ branch: string; message: string; paths: string[]; sha: string }>;
  /** Calls, including those that committed nothing. */
  calls: number;
}

export function memoryPublisher(through?: PublishFiles): MemoryPublisher {
  const publisher: MemoryPublisher = {
    branches: new Map(),
    commits: [],
    calls: 0,
    publish: async (_octokit, input) => {
      publisher.calls += 1;
      const branch = publisher.branches.get(input.branch) ?? new Map<string, string>();
      publisher.branches.set(input.branch, branch);
      const changed = input.files.filter((file) => branch.get(file.path) !== file.content);
      const real = through ? await through(_octokit, input) : null;
      // A commit left to the app's next document (`defer`) counts as made: a failure publishes again.
      if (real ? real.commitSha === null && !real.deferred : changed.length === 0) return { commitSha: null };
      for (const file of changed) branch.set(file.path, file.content);
      const sha =
        real?.commitSha ??
        createHash("sha1")
          .update(`${publisher.commits.length}\0${JSON.stringify(changed)}`)
          .digest("hex");
      publisher.commits.push({
        branch: input.branch,
        message: input.message,
        paths: changed.map((f) => f.path),
        sha,
      });
      return { ...real, commitSha: real?.deferred?.kind === "commit" ? null : sha };
    },
  };
  return publisher;
}
