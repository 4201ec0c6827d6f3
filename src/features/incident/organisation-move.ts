import type { Config } from "../../config/schema.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import type { Relocation, ReplyFn } from "./decide-input.js";
import { incidentWords } from "./incident-words.js";

/**
 * Moving an incident declared in a code repository to the incidents repository
 * (`organisation.moveIncidents`, §13). It moves once declared and written (id, labels,
 * declaration and timeline comments), so its history, the app's comments among it,
 * travels whole with GitHub's `transferIssue`. Security incidents move their own way
 * (`security-move.ts`); a failed move stays put and says why once.
 */
export function organisationMove(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
  moveFailure: string | null,
): Relocation | null {
  const to = config.organisation.repository;
  if (!config.organisation.moveIncidents || !to || moveFailure !== null) return null;
  if (to.toLowerCase() === history.repo.nameWithOwner.toLowerCase()) return null;
  if (!state.declaration || !state.id || state.security) return null;
  return { to, privately: false, command: null };
}

export function organisationMoveFailed(
  state: IncidentState,
  config: Config,
  history: IssueHistory,
  moveFailure: string | null,
  reply: ReplyFn,
): void {
  const to = config.organisation.repository;
  if (moveFailure === null || !to || !config.organisation.moveIncidents || state.security) return;
  const key = `move:failed:${moveFailure
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)}`;
  reply(key, (m) =>
    [m, incidentWords.moveFailed(history.repo.nameWithOwner, to, moveFailure), ""].join("\n"),
  );
}
