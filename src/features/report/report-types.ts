import type { IncidentState } from "../../kernel/incident-state.js";

/**
 * What the report is computed from and what it computes: plain data, so the
 * numbers can be tested by hand and rendered as Markdown, charts or a reply.
 */

export type CloseReason = "COMPLETED" | "NOT_PLANNED" | "REOPENED" | "DUPLICATE" | null;

/** One incident issue: its projected state plus the issue facts the report needs. */
export interface IncidentRecord {
  /** `owner/name` of the repo it lives in. */
  repo: string;
  number: number;
  url: string;
  title: string;
  /** The issue's own close reason (GitHub's `stateReason`), null while open. */
  closeReason: CloseReason;
  labels: string[];
  state: IncidentState;
  /** The repository it lives in is public (so a security incident there stays out of reports). */
  publicRepo?: boolean;
}

/** A post-incident review: due when the incident was resolved plus the severity's `pirDue`. */
export interface PirRecord {
  /** The incident it reviews (id, URL or `owner/repo#number`), shown as is. */
  incident: string;
  due: Date;
  mergedAt: Date | null;
}

export interface ActionItemRecord {
  number: number;
  url: string;
  state: "open" | "closed";
  due: Date | null;
  closedAt: Date | null;
  createdAt: Date;
}

export interface ReportInput {
  incidents: IncidentRecord[];
  /** Absent when PIR data is not available: the report says "no data". */
  pirs?: PirRecord[];
  /** Absent when action-item data is not available: the report says "no data". */
  actionItems?: ActionItemRecord[];
}

/** Half-open: incidents declared at or after `from` and before `to`. */
export interface ReportWindow {
  from: Date;
  to: Date;
}

export type Phase = "detect" | "acknowledge" | "mitigate" | "resolve";
export type TargetPhase = Exclude<Phase, "detect">;

export const PHASES: readonly Phase[] = ["detect", "acknowledge", "mitigate", "resolve"];

/** Durations in milliseconds; `n` counts incidents that have both timestamps. */
export interface DurationStats {
  n: number;
  median: number | null;
  p90: number | null;
  /** Null when the severity has no target for this phase (and always for detect). */
  target: number | null;
  met: number;
  /** Took longer than the target, or still open and already past it. */
  breached: number;
  /** met / (met + breached); null when neither. */
  metShare: number | null;
}

export interface SeverityDurations {
  severity: string;
  incidents: number;
  phases: Record<Phase, DurationStats>;
}

export interface IncidentLink {
  /** The app's id (`INC-…`) or `owner/repo#number` when it has none. */
  label: string;
  title: string;
  url: string;
  severity: string;
}

export interface Breach extends IncidentLink {
  phase: TargetPhase;
  /** How long it took, or has been running when `ongoing`. */
  took: number;
  target: number;
  ongoing: boolean;
}

export interface MonthCounts {
  /** `YYYY-MM`, UTC. */
  month: string;
  bySeverity: Record<string, number>;
  total: number;
  falsePositives: number;
}

export interface ServiceMtbf {
  service: string;
  incidents: number;
  /** Mean gap between consecutive starts; null with fewer than two incidents. */
  mtbf: number | null;
}

export interface PirStats {
  onTime: number;
  late: number;
  /** Not merged and not yet due. */
  pending: number;
  /** onTime / (onTime + late); null when neither. */
  rate: number | null;
  lateList: Array<{ incident: string; due: Date; mergedAt: Date | null }>;
}

export interface BacklogPoint {
  /** `YYYY-MM`: the month at whose end (or at the window's end, if sooner) it was counted. */
  month: string;
  at: Date;
  open: number;
}

export interface ActionItemStats {
  open: number;
  overdue: number;
  done: number;
  overdueList: Array<{ number: number; url: string; due: Date }>;
  backlog: BacklogPoint[];
}

/** One of the report's own targets (config `report.targets`); met when the value is below it. */
export interface TargetResult {
  /** incidentsPerMonth: the busiest month's count; mttd: ms; falsePositiveRate: a share. */
  measure: "incidentsPerMonth" | "mttd" | "falsePositiveRate";
  value: number | null;
  target: number;
  /** Null when there was nothing to measure. */
  met: boolean | null;
}

export interface ReportData {
  window: ReportWindow;
  generatedAt: Date;
  repos: string[];
  /** Severities in config order (most severe first), then any unknown ones seen. */
  severities: string[];
  /** Label colour per severity (`#rrggbb`), for the charts. */
  severityColors: Record<string, string>;
  totals: {
    /** Declared incidents in the window, false positives excluded. */
    incidents: number;
    open: number;
    falsePositives: number;
    /** Drills (game days): counted apart, in no other number. */
    drills: number;
    /** Issues with the incident label never declared (held for triage); left out everywhere. */
    undeclared: number;
  };
  months: MonthCounts[];
  durations: SeverityDurations[];
  mtbf: ServiceMtbf[];
  breaches: Breach[];
  falsePositives: { count: number; rate: number | null; incidents: IncidentLink[] };
  drills: IncidentLink[];
  pirs: PirStats | null;
  actionItems: ActionItemStats | null;
  targets: TargetResult[];
}
