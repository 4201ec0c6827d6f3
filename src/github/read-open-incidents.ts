import type { GraphqlClient } from "./client.js";
import { OPEN_INCIDENTS_QUERY } from "./queries.js";

/** The repository's open incidents (number and title: the id in it), the first 20. */
export async function readOpenIncidents(
  octokit: GraphqlClient,
  where: { owner: string; repo: string },
  incidentLabel: string,
): Promise<Array<{ number: number; title: string }>> {
  const data = await octokit.graphql<{
    repository: { incidents: { nodes: Array<{ number: number; title: string }> } };
  }>(OPEN_INCIDENTS_QUERY, { ...where, incidentLabel });
  return data.repository.incidents.nodes;
}
