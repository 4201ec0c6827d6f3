import type { MarkedIssue } from "../features/alerts/alert-marker.js";
import type { GraphqlClient } from "./client.js";
import { actor, type RawActor } from "./code-facts.js";

/**
 * The one read that finds the incident an alert belongs to (§14): the repository's
 * open incidents and triage issues, and those closed within the flapping window, with
 * their bodies, where the fingerprint marker is, and when each was opened (the alert
 * incidents of the last minute, for the storm budget). GitHub stays the only database.
 */
export const ALERT_INCIDENTS_QUERY = /* GraphQL */ `
  query AlertIncidents(
    $owner: String!, $repo: String!, $labels: [String!]!, $incidentLabel: String!, $closedSince: DateTime!,
    $after: String, $withClosed: Boolean!
  ) {
    repository(owner: $owner, name: $repo) {
      id
      open: issues(first: 100, after: $after, labels: $labels, states: [OPEN]) {
        pageInfo { hasNextPage endCursor }
        nodes { id number state createdAt closedAt body author { __typename login } }
      }
      closed: issues(first: 50, labels: [$incidentLabel], states: [CLOSED], filterBy: { since: $closedSince }) @include(if: $withClosed) {
        nodes { id number state createdAt closedAt body author { __typename login } }
      }
    }
  }
`;

interface RawIssue {
  id: string;
  number: number;
  state: "OPEN" | "CLOSED";
  createdAt: string;
  closedAt: string | null;
  body: string;
  author: RawActor | null;
}

interface AlertIncidentsData {
  repository: {
    open: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RawIssue[] };
    closed?: { nodes: RawIssue[] };
  } | null;
}

export interface AlertCandidate extends MarkedIssue {
  id: string;
  state: "open" | "closed";
  /** When it was opened: counts the alert incidents of the last minute (storms). */
  createdAt: string;
  closedAt: string | null;
}

/** More open incidents than this is a storm already handled: beyond it, the oldest are not searched. */
const MAX_PAGES = 10;

export async function readAlertIncidents(
  octokit: GraphqlClient,
  where: { owner: string; repo: string },
  options: { incidentLabel: string; triageLabel: string; closedSince: Date; botLogin: string },
): Promise<AlertCandidate[]> {
  const raws: RawIssue[] = [];
  let after: string | null = null;
  // One request while fewer than 100 incidents are open (nearly always); a page per 100 beyond.
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: AlertIncidentsData = await octokit.graphql<AlertIncidentsData>(ALERT_INCIDENTS_QUERY, {
      ...where,
      labels: [options.incidentLabel, options.triageLabel],
      incidentLabel: options.incidentLabel,
      closedSince: options.closedSince.toISOString(),
      after,
      withClosed: page === 0,
    });
    if (!data.repository) return [];
    raws.push(...data.repository.open.nodes, ...(data.repository.closed?.nodes ?? []));
    const info = data.repository.open.pageInfo;
    if (!info.hasNextPage) break;
    after = info.endCursor;
  }
  const seen = new Set<number>();
  const candidates: AlertCandidate[] = [];
  for (const raw of raws) {
    if (seen.has(raw.number)) continue;
    seen.add(raw.number);
    const author = actor(raw.author);
    candidates.push({
      id: raw.id,
      number: raw.number,
      body: raw.body,
      authoredByApp: author?.kind === "Bot" && author.login === options.botLogin,
      state: raw.state === "OPEN" ? "open" : "closed",
      createdAt: raw.createdAt,
      closedAt: raw.closedAt,
    });
  }
  return candidates;
}
