import type { HistoryComment, IssueHistory } from "./history.js";
import { marker, trustedMarkers } from "./markers.js";

/**
 * A rollback (`/rollback`, §13): the deployment the app created and the statuses the
 * user's CD gave it, recorded in the app's reply under a `rollback` marker. The reply is
 * the record because the deployment may live in another repository than the incident,
 * whose history read does not reach there; each `deployment_status` webhook adds its
 * status to the record.
 */
export interface RollbackStatus {
  /** As GitHub's REST API and webhooks spell it: `queued`, `in_progress`, `success`, … */
  state: string;
  at: Date;
}

export interface RollbackRecord {
  /** `owner/name` of the repository deployed to. */
  repository: string;
  deployment: number;
  sha: string;
  /** Who typed the command. */
  by: string | null;
  statuses: RollbackStatus[];
  /** The app's reply that holds the record. */
  comment: HistoryComment;
}

/** States after which a deployment does nothing more (GitHub marks older deployments `inactive`). */
const FINISHED = new Set(["success", "failure", "error", "inactive"]);

export function rollbackFinished(record: Pick<RollbackRecord, "statuses">): boolean {
  const last = record.statuses.at(-1);
  return last !== undefined && FINISHED.has(last.state);
}

/** The marker line of a record: statuses as `state@time`, oldest first. */
export function rollbackMarker(record: Omit<RollbackRecord, "comment">): string {
  const statuses = record.statuses.map((s) => `${s.state}@${s.at.toISOString().replace(/\.\d{3}Z$/, "Z")}`);
  return marker("rollback", {
    repo: record.repository,
    deployment: record.deployment,
    sha: record.sha,
    ...(record.by ? { by: record.by } : {}),
    ...(statuses.length ? { statuses: statuses.join(",") } : {}),
  });
}

function parseStatuses(text: string | undefined): RollbackStatus[] {
  if (!text) return [];
  return text.split(",").flatMap((one) => {
    const [state, at] = one.split("@");
    const time = at ? new Date(at) : null;
    return state && time && !Number.isNaN(time.getTime()) ? [{ state, at: time }] : [];
  });
}

/** Every rollback the app recorded on the incident, oldest first. */
export function rollbackRecords(history: IssueHistory, botLogin: string): RollbackRecord[] {
  const found: RollbackRecord[] = [];
  for (const item of history.items) {
    if (item.type !== "comment") continue;
    for (const m of trustedMarkers(item, botLogin)) {
      const deployment = Number(m.fields.deployment);
      if (m.kind !== "rollback" || !m.fields.repo || !m.fields.sha || !Number.isSafeInteger(deployment))
        continue;
      found.push({
        repository: m.fields.repo,
        deployment,
        sha: m.fields.sha,
        by: m.fields.by ?? null,
        statuses: parseStatuses(m.fields.statuses),
        comment: item,
      });
    }
  }
  return found;
}

/** The record with a status added (once, in time order). */
export function withStatus(record: RollbackRecord, status: RollbackStatus): RollbackRecord | null {
  const known = record.statuses.some(
    (s) => s.state === status.state && s.at.getTime() === status.at.getTime(),
  );
  if (known) return null;
  const statuses = [...record.statuses, status].sort((a, b) => a.at.getTime() - b.at.getTime());
  return { ...record, statuses };
}
