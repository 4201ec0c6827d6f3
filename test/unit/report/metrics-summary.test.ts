import { describe, expect, it } from "vitest";
import { computeReport } from "../../../src/features/report/metrics.js";
import { metricsSummary } from "../../../src/features/report/metrics-summary.js";
import { lastDays } from "../../../src/features/report/report-window.js";
import { config, fixedInput, fixedRecords, now } from "../../fixtures/report/fixed-history.js";

describe("metricsSummary (the /metrics reply)", () => {
  it("summarises the last 90 days: counts, median ack and resolve against targets, follow-ups", () => {
    const data = computeReport(fixedInput(), config, now, lastDays(now, 90));
    expect(metricsSummary(data)).toMatchInlineSnapshot(`
      "### Incident metrics: last 90 days

      2025-12-01 to 2026-03-01 (UTC): **8** incidents (1 open), 1 false positive, 8 SLA breaches.

      | Severity | Incidents | Median time to acknowledge | Median time to resolve |
      | --- | ---: | --- | --- |
      | SEV-1 | 2 | 3 min ✅ (target 5 min) | 50 min ✅ (target 1h) |
      | SEV-2 | 4 | 12.5 min ✅ (target 15 min) | 2h 30m ✅ (target 4h) |
      | SEV-3 | 1 | 40 min ✅ (target 1h) | 22h ✅ (target 1d) |
      | SEV-4 | 1 | – | 1d ✅ (target 7d) |

      - PIRs on time: 50% (2 of 4)
      - Action items: 3 open, 1 overdue, 2 done
      "
    `);
  });

  it("leaves out what it does not know", () => {
    const data = computeReport({ incidents: fixedRecords() }, config, now, lastDays(now, 90));
    const summary = metricsSummary(data);
    expect(summary).not.toContain("PIRs");
    expect(summary).not.toContain("Action items");
  });

  it("says so when there were no incidents", () => {
    const data = computeReport({ incidents: [] }, config, now, lastDays(now, 90));
    expect(metricsSummary(data)).toMatchInlineSnapshot(`
      "### Incident metrics: last 90 days

      2025-12-01 to 2026-03-01 (UTC): **0** incidents (0 open), 0 false positives, 0 SLA breaches.
      "
    `);
  });
});
