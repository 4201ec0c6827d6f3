import { computeReport } from "../features/report/metrics.js";
import { metricsSummary } from "../features/report/metrics-summary.js";
import { lastDays } from "../features/report/report-window.js";
import type { GraphqlClient } from "../github/client.js";
import { readIncidents } from "../github/read-incidents.js";
import type { ProjectionContext } from "../kernel/projection/project-history.js";

/** `/metrics`: the repo's incidents of the last 90 days, summed up with the report's own code. */
export async function readMetricsSummary(
  client: GraphqlClient,
  nameWithOwner: string,
  ctx: ProjectionContext,
  now: Date,
): Promise<string> {
  const incidents = await readIncidents(client, nameWithOwner, ctx);
  return metricsSummary(computeReport({ incidents }, ctx.config, now, lastDays(now, 90)));
}
