import type { MarkedIssue } from "../features/alerts/alert-marker.js";
import type { GraphqlClient } from "./client.js";
import { actor, type RawActor } from "./code-facts.js";

/**
 * The one read that finds the incident an alert belongs to (§14): the repository's
 * open incidents and triage issues, and those closed within the flapping window, with
 * their bodies, where the fingerprint marker is. GitHub stays the only database.
 */
export const ALERT_INCIDENTS_QUERY = /* GraphQL */ `
  query AlertIncidents(
    $owner: String!, $repo: String!, $labels: [String!]!, $incidentLabel: String!, $closedSince: DateTime!
  ) {
    repository(owner: $owner, name: $repo) {
      id
      open: issues(first: 100, labels: $labels, states: [OPEN]) {
        nodes { id number state closedAt body author { __typename login } }
      }
      closed: issues(first: 50, labels: [$incidentLabel], states: [CLOSED], filterBy: { since: $closedSince }) {
        nodes { id number state closedAt body author { __typename login } }
      }
    }
  }
`;

interface RawIssue {
  id: string;
  number: number;
  state: "OPEN" | "CLOSED";
  closedAt: string | null;
  body: string;
  author: RawActor | null;
}

export interface AlertCandidate extends MarkedIssue {
  id: string;
  state: "open" | "closed";
  closedAt: string | null;
}

export async function readAlertIncidents(
  octokit: GraphqlClient,
  where: { owner: string; repo: string },
  options: { incidentLabel: string; triageLabel: string; closedSince: Date; botLogin: string },
): Promise<AlertCandidate[]> {
  const data = await octokit.graphql<{
    repository: { open: { nodes: RawIssue[] }; closed: { nodes: RawIssue[] } } | null;
  }>(ALERT_INCIDENTS_QUERY, {
    ...where,
    labels: [options.incidentLabel, options.triageLabel],
    incidentLabel: options.incidentLabel,
    closedSince: options.closedSince.toISOString(),
  });
  if (!data.repository) return [];
  const seen = new Set<number>();
  const candidates: AlertCandidate[] = [];
  for (const raw of [...data.repository.open.nodes, ...data.repository.closed.nodes]) {
    if (seen.has(raw.number)) continue;
    seen.add(raw.number);
    const author = actor(raw.author);
    candidates.push({
      id: raw.id,
      number: raw.number,
      body: raw.body,
      authoredByApp: author?.kind === "Bot" && author.login === options.botLogin,
      state: raw.state === "OPEN" ? "open" : "closed",
      closedAt: raw.closedAt,
    });
  }
  return candidates;
}
