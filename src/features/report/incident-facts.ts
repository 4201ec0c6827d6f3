import type { IncidentLink, IncidentRecord } from "./report-types.js";

/** Small readings of one incident record that several metrics share. */

export const FALSE_POSITIVE_LABEL = "false-positive";

/** Closed as not planned, or labelled `false-positive`: not a real incident. */
export function isFalsePositive(record: IncidentRecord): boolean {
  return (
    record.state.falsePositive !== null ||
    record.closeReason === "NOT_PLANNED" ||
    record.labels.includes(FALSE_POSITIVE_LABEL)
  );
}

export const DRILL_LABEL = "drill";

/** A game day (`/drill` or the drill label): counted apart, in no other number. */
export function isDrill(record: IncidentRecord): boolean {
  return record.state.drill !== null || record.labels.includes(DRILL_LABEL);
}

/** When the incident counts as having happened: its declaration (month buckets, the window). */
export function declaredAt(record: IncidentRecord): Date | null {
  return record.state.times.declared;
}

/** When impact began, as best known: started, else detected, else declared (for MTBF). */
export function startedAt(record: IncidentRecord): Date | null {
  const { times } = record.state;
  return times.started ?? times.detected ?? times.declared;
}

/** The severity the report files it under: its current (final) one. */
export function severityOf(record: IncidentRecord): string {
  return record.state.severity ?? "unknown";
}

/** The `[INC-…]` prefix the app puts on titles: the link label already says it. */
const ID_PREFIX = /^\s*\[INC-\d{8}-\d{3,}\]\s*/;

export function incidentLink(record: IncidentRecord): IncidentLink {
  return {
    label: record.state.id ?? `${record.repo}#${record.number}`,
    title: record.title.replace(ID_PREFIX, ""),
    url: record.url,
    severity: severityOf(record),
  };
}

/** A security incident in a public repository is named in no report: not in a list, not in a count. */
export function reportable(record: IncidentRecord): boolean {
  return !(record.state.security && record.publicRepo === true);
}
