/**
 * Text limits and severity words of the paging services, from their documentation:
 * PagerDuty's summary is at most 1,024 characters and its severity one of four
 * words; Opsgenie's message is at most 130 characters, its priority P1–P5.
 */
export const PAGERDUTY_SUMMARY_LIMIT = 1024;
export const OPSGENIE_MESSAGE_LIMIT = 130;
export const OPSGENIE_DESCRIPTION_LIMIT = 15_000;

const PAGERDUTY_SEVERITIES = ["critical", "error", "warning", "info"] as const;
export type PagerDutySeverity = (typeof PAGERDUTY_SEVERITIES)[number];
export type OpsgeniePriority = "P1" | "P2" | "P3" | "P4" | "P5";

/**
 * Cut to `limit`, ending in "…"; never splits a surrogate pair, and stays within the
 * limit whether the service counts code points or UTF-16 units.
 */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = "";
  for (const char of text) {
    if (cut.length + char.length + 1 > limit) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
}

/** SEV-1 → critical, SEV-2 → error, SEV-3 → warning, the rest → info; `low` urgency never above warning. */
export function pagerDutySeverity(severityRank: number, urgency: "high" | "low"): PagerDutySeverity {
  const index = clamp(severityRank, 0, PAGERDUTY_SEVERITIES.length - 1);
  return PAGERDUTY_SEVERITIES[urgency === "low" ? Math.max(index, 2) : index]!;
}

/** SEV-1 → P1 … fifth and later → P5; `low` urgency never above P3. */
export function opsgeniePriority(severityRank: number, urgency: "high" | "low"): OpsgeniePriority {
  const index = clamp(severityRank, 0, 4);
  return `P${(urgency === "low" ? Math.max(index, 2) : index) + 1}` as OpsgeniePriority;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.trunc(value)));
}
