import type { Closer } from "./history.js";

/**
 * How a closer is named where people read it: `#40` in the incident's own repository,
 * `acme/shop#40` in another (GitHub's cross-repository form), a commit as `` `abc1234` ``
 * or `acme/shop@abc1234`; linked to the pull request or commit.
 */
export function closerReference(closer: Closer, incidentRepo: string): string {
  const here = closer.repo.toLowerCase() === incidentRepo.toLowerCase();
  if (closer.kind === "pull") return `[${here ? "" : closer.repo}#${closer.number}](${closer.url})`;
  const oid = closer.oid.slice(0, 7);
  return here ? `[\`${oid}\`](${closer.url})` : `[${closer.repo}@${oid}](${closer.url})`;
}
