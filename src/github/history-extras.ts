import type { NamedPull } from "../kernel/code-history.js";
import type { IssueHistory } from "../kernel/history.js";
import type { GraphqlClient } from "./client.js";
import type { HistoryVariables } from "./history-variables.js";
import { incidentHistoryQuery } from "./queries.js";
import { STATUS_SITE_VARIABLES, statusSiteFields } from "./queries-status-site.js";
import type { RawIssue, RawRepository } from "./raw-history.js";
import type { CheckpointTrust } from "./read-basis.js";
import { normaliseHistory } from "./read-history.js";
import { gitTime, type RawSiteRepository, type SiteWhere, siteVariables } from "./read-status-site.js";

/**
 * The event's one read with what its comment will need beside the history (§2.6), so
 * it costs no request of its own: the status site's first page when the comment asks
 * to publish (`/status public`), and the pull requests it names (`/revert #N`: the
 * revert needs the pull request's node id). What the comment does not ask for is not
 * read; a decision that needs it anyway reads it where it always did.
 */
export interface ReadExtras {
  site?: SiteWhere;
  /** Numbers in the incident's own repository. */
  pulls?: readonly number[];
}

interface RawNamed {
  __typename: string;
  id?: string;
  number?: number;
  state?: string;
  merged?: boolean;
}

type RawWithExtras = RawRepository & {
  issue: RawIssue | null;
  isArchived?: boolean;
  [alias: `named${number}`]: RawNamed | null | undefined;
};

export interface IncidentRead {
  history: IssueHistory;
  /** The site's first page as read with the history; absent when not asked for. */
  site?: RawSiteRepository | null;
}

const MAX_PULLS = 10;

export function extrasDocument(extras: ReadExtras): string {
  const pulls = (extras.pulls ?? []).slice(0, MAX_PULLS);
  const named = pulls.map(
    (number, index) =>
      `\n      named${index}: issueOrPullRequest(number: ${Math.trunc(number)}) { __typename ... on PullRequest { id number state merged } }`,
  );
  return incidentHistoryQuery({
    declarations: extras.site ? `, $siteSince: DateTime!, ${STATUS_SITE_VARIABLES}` : "",
    repositoryFields: pulls.length > 0 ? `\n      isArchived${named.join("")}` : "",
    rootFields: extras.site
      ? `\n    site: repository(owner: $owner, name: $repo) { ${statusSiteFields({ since: "$siteSince", after: "null", firstPage: "true" })} }`
      : "",
  });
}

/** The history read with its extras; null when the issue is not there. */
export async function readIncident(
  octokit: GraphqlClient,
  where: { owner: string; repo: string; number: number },
  variables: HistoryVariables,
  extras: ReadExtras,
  /** Whose checkpoints count: with it the writes carry one and verify only what is new. */
  trust?: CheckpointTrust | null,
): Promise<IncidentRead | null> {
  type Answer = { repository: RawWithExtras | null; site?: RawSiteRepository | null };
  let result: Answer;
  try {
    result = await octokit.graphql<Answer>(extrasDocument(extras), {
      ...where,
      ...variables,
      ...(extras.site ? { siteSince: gitTime(extras.site.since), ...siteVariables(extras.site) } : {}),
    });
  } catch (error) {
    result = onlyNamedMissing(error);
  }
  const repository = result.repository;
  if (!repository?.issue) return null;
  const history = await normaliseHistory(octokit, repository, repository.issue, undefined, trust);
  const pulls = (extras.pulls ?? []).slice(0, MAX_PULLS);
  // A field the answer lacks is not known: that pull request is read where it always was.
  const namedPulls = pulls.flatMap((number, index) => {
    const alias = `named${index}` as const;
    return alias in repository ? [namedPull(number, repository[alias])] : [];
  });
  const withPulls: IssueHistory =
    namedPulls.length > 0
      ? {
          ...history,
          code: { ...history.code, named: { archived: repository.isArchived === true, pulls: namedPulls } },
        }
      : history;
  return { history: withPulls, ...(extras.site ? { site: result.site ?? null } : {}) };
}

/**
 * A number that is neither an issue nor a pull request fails only its own field: GitHub
 * answers it with null and an error naming its path. Any other error is the read's.
 */
function onlyNamedMissing<T>(error: unknown): T {
  const partial = error as { name?: string; data?: T; errors?: Array<{ path?: Array<string | number> }> };
  const named = (e: { path?: Array<string | number> }) =>
    e.path?.[0] === "repository" && /^named\d+$/.test(String(e.path?.[1] ?? ""));
  if (partial.name === "GraphqlResponseError" && partial.data && (partial.errors ?? []).every(named))
    return partial.data;
  throw error;
}

function namedPull(number: number, raw: RawNamed | null | undefined): NamedPull {
  // GitHub answers a number that is neither with null (and an error the read does not fail on).
  if (!raw) return { number, kind: "missing" };
  if (raw.__typename !== "PullRequest" || !raw.id) return { number, kind: "issue" };
  return { number, kind: "pull", id: raw.id, state: raw.state ?? "OPEN", merged: raw.merged === true };
}
