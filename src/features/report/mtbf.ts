import { startedAt } from "./incident-facts.js";
import type { IncidentRecord, ServiceMtbf } from "./report-types.js";
import { mean } from "./statistics.js";

/**
 * Mean time between failures per service: the mean gap between the starts of
 * consecutive incidents that name the service in the form (an incident naming two
 * services counts for both). Incidents naming none are filed under "(none)".
 */
export const NO_SERVICE = "(none)";

export function mtbfByService(records: readonly IncidentRecord[]): ServiceMtbf[] {
  const starts = new Map<string, number[]>();
  for (const record of records) {
    const at = startedAt(record);
    if (!at) continue;
    const services = record.state.form.services.length > 0 ? record.state.form.services : [NO_SERVICE];
    for (const service of new Set(services)) {
      const list = starts.get(service) ?? [];
      list.push(at.getTime());
      starts.set(service, list);
    }
  }
  return [...starts.entries()]
    .map(([service, times]) => {
      const ordered = [...times].sort((a, b) => a - b);
      const gaps = ordered.slice(1).map((time, index) => time - (ordered[index] as number));
      return { service, incidents: ordered.length, mtbf: mean(gaps) };
    })
    .sort((a, b) =>
      a.service === NO_SERVICE ? 1 : b.service === NO_SERVICE ? -1 : a.service.localeCompare(b.service),
    );
}
