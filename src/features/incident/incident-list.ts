import { formatDuration } from "../../config/duration.js";
import type { Config } from "../../config/schema.js";
import { claimedId } from "../../kernel/app-artifacts.js";
import { clocks, type TargetState } from "../../kernel/clocks.js";
import type { IssueHistory } from "../../kernel/history.js";
import { project } from "../../kernel/projection/project-history.js";
import type { ProjectionContext } from "../../kernel/projection/projection-context.js";
import { inline } from "../../render/markdown.js";
import { incidentListWords as words } from "./incident-words.js";

/**
 * `/incidents` (seed plan 002's status script): every open incident the read found,
 * each projected like the app projects any incident, most severe first, then oldest
 * first. A reply posted in a public repository lists neither security incidents nor
 * incidents kept in private repositories: it counts them as restricted instead.
 */
export interface IncidentListRow {
  id: string;
  title: string;
  url: string;
  /** `owner/name` of the incident's repository. */
  repo: string;
  severity: string | null;
  status: string;
  declaredAt: Date;
  ic: string[];
  next: { what: string; at: Date } | null;
  drill: boolean;
}

export interface IncidentList {
  rows: IncidentListRow[];
  /** Open incidents left out because the reply is public (security, or a private repository). */
  restricted: number;
}

/** Where the reply is posted: its repository, and whether people outside can read it. */
export interface ReplyPlace {
  repo: string;
  private: boolean;
}

export function listIncidents(
  histories: readonly IssueHistory[],
  ctx: ProjectionContext,
  now: Date,
  place: ReplyPlace,
): IncidentList {
  const rows: IncidentListRow[] = [];
  let restricted = 0;
  for (const history of histories) {
    // Only incidents the app keeps: it claimed their id (a person's copied marker does not count).
    const id = claimedId(history, ctx.botLogin);
    const state = project(history, ctx);
    if (!id || !state.declaration || !state.open || history.issue.state !== "OPEN") continue;
    if (!place.private && (state.security || history.repo.private)) {
      restricted++;
      continue;
    }
    rows.push({
      id,
      title: history.issue.title.replace(/^\s*\[INC-\d{8}-\d{3,}\]\s*/, ""),
      url: history.issue.url,
      repo: history.repo.nameWithOwner,
      severity: state.severity,
      status: state.status,
      declaredAt: state.declaration.at,
      ic: state.roles.ic ?? [],
      next: nextDeadline(state, ctx.config, now),
      drill: state.drill !== null,
    });
  }
  const rank = (severity: string | null) => {
    const index = ctx.config.severities.findIndex((s) => s.name === severity);
    return index < 0 ? ctx.config.severities.length : index;
  };
  rows.sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      a.declaredAt.getTime() - b.declaredAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  return { rows, restricted };
}

/** The earliest of the incident's running clocks: a target not met yet, or the next update. */
function nextDeadline(state: ReturnType<typeof project>, config: Config, now: Date): IncidentListRow["next"] {
  const c = clocks(state, config, now);
  const due = (target: TargetState) =>
    target.kind === "running"
      ? new Date(now.getTime() + target.left)
      : target.kind === "overdue"
        ? new Date(now.getTime() - target.over)
        : null;
  const candidates: Array<{ what: string; at: Date | null }> = [
    { what: words.deadline.acknowledge, at: due(c.targets.acknowledge) },
    { what: words.deadline.ic, at: due(c.targets.ic) },
    { what: words.deadline.mitigate, at: due(c.targets.mitigate) },
    { what: words.deadline.resolve, at: due(c.targets.resolve) },
    { what: words.deadline.update, at: c.nextUpdateDue },
  ];
  let next: IncidentListRow["next"] = null;
  for (const { what, at } of candidates)
    if (at && (!next || at.getTime() < next.at.getTime())) next = { what, at };
  return next;
}

/** The reply's Markdown: one table, the restricted count, or "No open incidents". */
export function incidentListText(list: IncidentList, place: ReplyPlace, now: Date): string {
  const lines: string[] = [];
  if (list.rows.length === 0) lines.push(words.none);
  else {
    lines.push(words.intro(list.rows.length), "");
    lines.push(
      "| Incident | Severity | Status | Age | IC | Next deadline |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const row of list.rows) {
      const where = row.repo.toLowerCase() === place.repo.toLowerCase() ? "" : ` · ${row.repo}`;
      const title = `[${row.id}](${row.url}) ${inline(row.title, 80)}${where}${row.drill ? ` ${words.drill}` : ""}`;
      const next = row.next
        ? row.next.at.getTime() >= now.getTime()
          ? words.dueIn(row.next.what, formatDuration(row.next.at.getTime() - now.getTime()))
          : words.overdueBy(row.next.what, formatDuration(now.getTime() - row.next.at.getTime()))
        : "—";
      // Names in code spans: listing incidents pages nobody.
      const ic = row.ic.length ? row.ic.map((login) => `\`${login}\``).join(", ") : words.noIc;
      lines.push(
        `| ${title} | ${row.severity ?? "—"} | ${inline(row.status, 40)} | ${formatDuration(now.getTime() - row.declaredAt.getTime())} | ${ic} | ${next} |`,
      );
    }
  }
  if (list.restricted > 0) lines.push("", words.restricted(list.restricted));
  return lines.join("\n");
}
