import { formatDuration } from "../../config/duration.js";
import { dateTime } from "../../render/format-time.js";
import { inline } from "../../render/markdown.js";
import type { IncidentLink } from "./report-types.js";

/** How the report writes its numbers: the same in the Markdown and the `/metrics` reply. */

const HOUR_MS = 3_600_000;

/** `7.5 min` under an hour (as precise as the charts), else `3h`, `1d 1h`. */
export function span(ms: number | null): string {
  if (ms === null) return "–";
  if (Math.abs(ms) < HOUR_MS) return `${Math.round(ms / 6_000) / 10} min`;
  return formatDuration(ms);
}

export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 1000) / 10}%`;
}

/** `67% (2 of 3)`, or `–` when there is nothing to count. */
export function shareOf(part: number, whole: number): string {
  return whole === 0 ? "–" : `${percent(part / whole)} (${part} of ${whole})`;
}

export function utc(at: Date): string {
  return `${dateTime(at, "UTC")} UTC`;
}

export function day(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function link(incident: IncidentLink): string {
  return `[${inline(incident.label)}](${incident.url}) ${inline(incident.title, 80)}`;
}

/** A Markdown table from a header and rows of cells; `right` aligns numeric columns. */
export function table(header: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const divider = header.map((_, index) => (right.has(index) ? "---:" : "---"));
  return [line(header), line(divider), ...rows.map(line)].join("\n");
}

/** Column indexes from `from` to the end, for right-aligning number columns. */
export function columnsFrom(from: number, count: number): Set<number> {
  return new Set(Array.from({ length: Math.max(0, count - from) }, (_, index) => from + index));
}
