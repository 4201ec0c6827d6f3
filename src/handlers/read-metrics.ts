import type { ProjectionContext } from "../domain/project.js";
import type { GraphqlClient } from "../github/read-history.js";
import { computeReport } from "../report/metrics.js";
import { metricsSummary } from "../report/metrics-summary.js";
import { readIncidents } from "../report/read-incidents.js";
import { lastDays } from "../report/report-window.js";

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
