import type { Config } from "../../config/schema.js";
import type { IssueHistory } from "../../kernel/history.js";
import { idFromTitle, nextId, resolveClash, withIdPrefix } from "../../kernel/incident-id.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { onCallHolders } from "../../kernel/on-call.js";
import type { Write } from "../../kernel/plan.js";
import { vocabulary } from "../../kernel/projection/state-changes.js";

/**
 * The incident's id: the one it claimed, else the next free one on its day. In
 * organisation mode the day's incidents of the other repositories count too (read in
 * `history.elsewhere`), so ids are unique across them; a clash moves the later issue.
 */
export function chooseId(state: IncidentState, history: IssueHistory): string {
  const own = history.repo.recentIncidents;
  const others = (history.elsewhere ?? []).flatMap((repo) =>
    (repo.recentIncidents ?? []).map((incident) => ({ ...incident, repo: repo.nameWithOwner })),
  );
  const recent = own ? [...own, ...others] : null;
  const declaredAt = state.declaration?.at ?? history.issue.createdAt;
  const self = {
    number: history.issue.number,
    repo: history.repo.nameWithOwner,
    createdAt: history.issue.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
  if (!state.id) return nextId(declaredAt, recent ?? [], self);
  return recent ? resolveClash(state.id, self, recent) : state.id;
}

/** Title, labels, assignees and open/closed as the state says they should be. */
export function issueChanges(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
  id: string | null,
  declaring: boolean,
): Write | null {
  const { issue } = history;
  const words = vocabulary(config);
  const ours = new Set([
    config.labels.incident,
    config.labels.triage,
    config.labels.freeze,
    config.labels.falsePositive,
    config.labels.drill,
    ...config.severities.map((severity) => severity.name),
    ...config.statuses.map(words.statusLabel),
  ]);
  const wanted: string[] = [];
  if (state.declaration) {
    wanted.push(
      config.labels.incident,
      state.severity ?? words.defaultSeverity,
      words.statusLabel(state.status),
      ...(state.freeze.active ? [config.labels.freeze] : []),
      ...(state.falsePositive ? [config.labels.falsePositive] : []),
      ...(state.drill ? [config.labels.drill] : []),
    );
  } else if (state.triage) wanted.push(config.labels.triage);
  else if (issue.labels.includes(config.labels.incident)) wanted.push(config.labels.incident);
  const labels = [...issue.labels.filter((label) => !ours.has(label)), ...wanted];

  const assignees = new Set(issue.assignees);
  if (state.declaration && declaring && !state.roles.ic?.length) {
    // Each affected service's primary on-call (several services, several people), else the top-level one.
    for (const primary of onCallHolders(config, state.form.services, state.declaration.at, "primary"))
      if (!primary.includes("/")) assignees.add(primary);
  }
  const ic = state.roles.ic?.[0];
  if (ic && !ic.includes("/") && newlyAssignsIc(state)) assignees.add(ic);

  const write: Extract<Write, { kind: "update-issue" }> = { kind: "update-issue" };
  if (state.declaration && id) {
    if (idFromTitle(issue.title) !== id) write.title = withIdPrefix(issue.title, id);
  }
  if (!sameSet(labels, issue.labels)) write.labels = labels;
  if (assignees.size !== issue.assignees.length) write.assignees = [...assignees].slice(0, 10);
  if (state.declaration) {
    const closed = state.status === words.resolved;
    if (closed && issue.state === "OPEN") {
      write.state = "closed";
      write.stateReason = state.falsePositive ? "not_planned" : "completed";
    } else if (!closed && issue.state === "CLOSED") {
      write.state = "open";
    }
  }
  return Object.keys(write).length > 1 ? write : null;
}

/** IC set by a command the app has not answered yet: assign them once, never fight people later. */
function newlyAssignsIc(state: IncidentState): boolean {
  return state.acknowledgements.some(
    (ack) =>
      ack.kind === "accepted" &&
      !ack.comment.appReactions.includes("EYES") &&
      (ack.command.kind === "ack" || (ack.command.kind === "role" && ack.command.role === "ic")),
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
