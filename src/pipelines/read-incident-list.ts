import { incidentListText, listIncidents, type ReplyPlace } from "../features/incident/incident-list.js";
import type { GraphqlClient } from "../github/client.js";
import { type IncidentListScope, readIncidentList } from "../github/read-incident-list.js";
import type { ProjectionContext } from "../kernel/projection/project-history.js";

/** `/incidents`: the installation's open incidents (one search), listed for the reply's place. */
export async function readIncidentListReply(
  client: GraphqlClient,
  scope: IncidentListScope,
  ctx: ProjectionContext,
  now: Date,
  place: ReplyPlace,
): Promise<string> {
  const histories = await readIncidentList(client, scope);
  return incidentListText(listIncidents(histories, ctx, now, place), place, now);
}

/** The installation's account as the webhook names it: every repository it covers belongs to it. */
export function accountOf(
  payload: unknown,
  owner: string,
): Pick<IncidentListScope, "account" | "accountType"> {
  const type = (payload as { repository?: { owner?: { type?: string } } }).repository?.owner?.type;
  return { account: owner, accountType: type === "User" ? "User" : "Organization" };
}
