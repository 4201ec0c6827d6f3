import type { IssueHistory } from "./history.js";
import type { IncidentState } from "./incident-state.js";

/**
 * Whether a security incident sits where the public can read it: a public repository.
 * Every public surface (the review file, chat links, the status page, the report)
 * asks this one question, so none of them can disagree.
 */
export function exposedSecurityIncident(
  state: Pick<IncidentState, "security">,
  history: IssueHistory,
): boolean {
  return state.security && !history.repo.private;
}
