/**
 * A code write GitHub refused, or that cannot be made, in words for people: its message
 * ends up in a reply on the incident.
 */
export class CodeWriteError extends Error {}

export interface CodeWriteResult {
  /** The pull request the write opened (revert, review). */
  created: { number: number; url: string } | null;
  /** Things that went wrong without failing the write (e.g. a reviewer who cannot review). */
  notes: string[];
  /** What the executor learnt, for tokens in the reply (`ROLLBACK_SHA`…). */
  fills?: Record<string, string>;
}

export type Where = { owner: string; repo: string };

export function status(error: unknown): number | null {
  const value = (error as { status?: unknown }).status;
  return typeof value === "number" ? value : null;
}

/** GitHub's own words for a refused request, without the documentation link. */
export function explain(error: unknown): string {
  if (error instanceof CodeWriteError) return error.message;
  const data = (error as { response?: { data?: { message?: unknown; errors?: unknown } } }).response?.data;
  const graphqlErrors = (error as { errors?: Array<{ message?: string }> }).errors;
  const message =
    graphqlErrors?.map((e) => e.message).join("; ") ||
    (typeof data?.message === "string" ? data.message : null) ||
    (error instanceof Error ? error.message : String(error));
  const code = status(error);
  if (code === 403) return `GitHub refused (403): ${message}. Does the app have permission for this?`;
  if (code === 404) return `not found (404): ${message}`;
  return code ? `${message} (${code})` : message;
}

export function unreachable(repo: { owner: string; name: string }): string {
  return `the app cannot see \`${repo.owner}/${repo.name}\`: it does not exist, or the app is not installed on it (add it to the app's installation)`;
}
