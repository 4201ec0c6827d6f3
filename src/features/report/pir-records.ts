import type { Config } from "../../config/schema.js";
import { clocks } from "../../kernel/clocks.js";
import { declaredAt, incidentLink, isDrill, isFalsePositive } from "./incident-facts.js";
import type { IncidentRecord, PirRecord } from "./report-types.js";

/**
 * The PIRs the report counts, read off the incidents themselves: one per resolved
 * incident whose severity has a `pirDue`, due when the timeline says (the same
 * `clocks()`), merged when its review pull request was. False positives and drills owe none (a drill's review is practice).
 */
export function pirRecords(incidents: readonly IncidentRecord[], config: Config, now: Date): PirRecord[] {
  const records: PirRecord[] = [];
  for (const record of incidents) {
    if (declaredAt(record) === null || isFalsePositive(record) || isDrill(record)) continue;
    const due = clocks(record.state, config, now).pirDue;
    if (!due) continue;
    const review = record.state.linked.find((linked) => linked.role === "review" && linked.pull.mergedAt);
    records.push({ incident: incidentLink(record).label, due, mergedAt: review?.pull.mergedAt ?? null });
  }
  return records;
}
