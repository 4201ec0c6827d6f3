import type { IssueHistory } from "../kernel/history.js";
import type { GraphqlClient } from "./client.js";
import { actor } from "./code-facts.js";
import type { HistoryVariables } from "./history-variables.js";
import { RECURRENCE_ELSEWHERE_QUERY } from "./queries.js";
import type { RawRepository } from "./raw-history.js";

/**
 * Recurrence across repositories (`recurrence.repos`): when declaring, each other
 * repository's recent incidents and open action items join the history's own, named
 * by repository. A repository the app cannot read is skipped: recurrence is a hint.
 */
interface Answer {
  repository: (Pick<RawRepository, "pastIncidents" | "openActionItems"> & { nameWithOwner: string }) | null;
}

export async function withRecurrenceElsewhere(
  client: GraphqlClient,
  history: IssueHistory,
  repos: readonly string[],
  variables: HistoryVariables,
): Promise<IssueHistory> {
  if (!history.repo.pastIncidents || repos.length === 0) return history;
  const pastIncidents = [...history.repo.pastIncidents];
  const openActionItems = [...(history.repo.openActionItems ?? [])];
  for (const name of repos) {
    const [owner, repo] = name.split("/");
    if (name === history.repo.nameWithOwner) continue;
    try {
      const { repository } = await client.graphql<Answer>(RECURRENCE_ELSEWHERE_QUERY, {
        owner,
        repo,
        incidentLabel: variables.incidentLabel,
        actionItemLabel: variables.actionItemLabel,
        recurrenceSince: variables.recurrenceSince,
      });
      if (!repository) continue;
      for (const node of repository.pastIncidents?.nodes ?? [])
        pastIncidents.push({ ...node, repo: repository.nameWithOwner, createdAt: new Date(node.createdAt) });
      for (const node of repository.openActionItems?.nodes ?? [])
        openActionItems.push({ ...node, repo: repository.nameWithOwner, author: actor(node.author) });
    } catch {
      // Not installed there, or no access: the declaration goes ahead without it.
    }
  }
  return { ...history, repo: { ...history.repo, pastIncidents, openActionItems } };
}
