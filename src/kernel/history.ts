import type { Actor } from "./actor.js";
import type { CodeFacts, PullFact, RepositoryElsewhere } from "./code-history.js";

export type {
  BranchFact,
  CodeFacts,
  DeploymentFact,
  DeploymentStatusFact,
  FreezeCheckFact,
  FreezingIssue,
  MergedReviewFact,
  OpenPullFact,
  PullFact,
  PullState,
  RepositoryElsewhere,
} from "./code-history.js";
export { emptyCodeFacts } from "./code-history.js";

/**
 * An issue's history as the projection sees it: normalised from the GraphQL read,
 * chronological, with dates as `Date`. Nothing here knows about Octokit.
 */

export type { Actor, ActorKind } from "./actor.js";

export type Association =
  | "OWNER"
  | "MEMBER"
  | "COLLABORATOR"
  | "CONTRIBUTOR"
  | "FIRST_TIME_CONTRIBUTOR"
  | "FIRST_TIMER"
  | "MANNEQUIN"
  | "NONE";

export type ReactionContent =
  | "THUMBS_UP"
  | "THUMBS_DOWN"
  | "LAUGH"
  | "HOORAY"
  | "CONFUSED"
  | "HEART"
  | "ROCKET"
  | "EYES";

export interface HistoryComment {
  type: "comment";
  /** GraphQL node id, for mutations. */
  id: string;
  /** REST id, stable across edits; markers name it. */
  databaseId: number;
  url: string;
  body: string;
  at: Date;
  editedAt: Date | null;
  author: Actor | null;
  association: Association;
  /** Reactions the app itself has left on this comment. */
  appReactions: ReactionContent[];
}

interface EventBase {
  id: string;
  at: Date;
  actor: Actor | null;
}

/** What closed an issue by a closing keyword (`Fixes #12`): a pull request or a commit, in any repository. */
export type Closer =
  | { kind: "pull"; repo: string; number: number; url: string }
  | { kind: "commit"; repo: string; oid: string; url: string };

/** An issue or pull request whose text mentions this issue (GitHub's cross-reference). */
export interface ReferencingIssue {
  kind: "Issue" | "PullRequest";
  number: number;
  title: string;
  url: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  author: Actor | null;
  /** Issues only: the body, where the app's markers live. */
  body: string;
  closedAt: Date | null;
  /** Issues only: the pull request or commit whose closing keyword closed it last (null: by hand, or unseen). */
  closer: Closer | null;
  /** Pull requests only: the branch it merges from, and when it was merged. */
  headRef: string | null;
  mergedAt: Date | null;
}

export type HistoryEvent =
  | (EventBase & { type: "labeled" | "unlabeled"; label: string })
  | (EventBase & {
      type: "closed";
      stateReason: "COMPLETED" | "NOT_PLANNED" | "REOPENED" | "DUPLICATE" | null;
    })
  | (EventBase & { type: "reopened" })
  | (EventBase & { type: "assigned" | "unassigned"; assignee: string })
  | (EventBase & { type: "renamed"; from: string; to: string })
  /** The issue moved here from another repository (`fromPrivate`: whether that one was private). */
  | (EventBase & { type: "transferred"; from: string; fromPrivate: boolean });

/**
 * An issue or pull request that mentions this one (`#12`): GitHub records a
 * cross-reference. `source` serves both kinds (action items are issues); a pull
 * request also carries its full facts in `pull` (hotfixes, reverts, the review).
 */
export interface CrossReference extends EventBase {
  type: "cross-referenced";
  source: ReferencingIssue;
  pull?: PullFact;
}

export type HistoryItem = HistoryComment | HistoryEvent | CrossReference;

export interface RepoLabel {
  id: string;
  name: string;
  color: string;
  description: string | null;
}

export interface RecentIncident {
  number: number;
  title: string;
  /** When the issue was created (GitHub's ISO text): who came first in a clash. */
  createdAt?: string;
  /** `owner/name`; absent: the incident's own repository. */
  repo?: string;
}

/** An earlier incident of the repository, read when declaring to find recurrences. */
export interface PastIncident {
  /** `owner/name`; absent: the incident's own repository. */
  repo?: string;
  number: number;
  title: string;
  url: string;
  createdAt: Date;
  body: string;
}

/** An open action item of the repository (author checked: the app's marker is trusted only from it). */
export interface OpenActionItem {
  /** `owner/name`; absent: the incident's own repository. */
  repo?: string;
  number: number;
  title: string;
  url: string;
  body: string;
  author: Actor | null;
}

export interface RepoFacts {
  id: string;
  nameWithOwner: string;
  url: string;
  /** Private (or internal): nobody outside can read the issue. Unknown counts as public. */
  private: boolean;
  defaultBranch: string | null;
  labels: RepoLabel[];
  /** Blob id of `.github/incident.yml`, or null when the repo has none. */
  configOid: string | null;
  /** Tree id of `.github/incident-templates/`, or null when the repo has no overrides. */
  templatesOid: string | null;
  /** Incidents touched since the start of the declaration day; read only when declaring. */
  recentIncidents: RecentIncident[] | null;
  /** Incidents created within the recurrence window, and open action items; read only when declaring. */
  pastIncidents?: PastIncident[] | null;
  openActionItems?: OpenActionItem[] | null;
}

export interface IssueFacts {
  id: string;
  number: number;
  title: string;
  body: string;
  url: string;
  state: "OPEN" | "CLOSED";
  createdAt: Date;
  closedAt: Date | null;
  author: Actor | null;
  association: Association;
  assignees: string[];
  labels: string[];
}

export interface IssueHistory {
  repo: RepoFacts;
  issue: IssueFacts;
  items: HistoryItem[];
  code: CodeFacts;
  /**
   * Node ids of the people the read met (assignees, comment authors), by lower-case
   * login: a batched write assigns them without asking for their ids first.
   */
  accountIds?: Readonly<Record<string, string>>;
  /** Other repositories read for this event (organisation mode, §13); absent when none were. */
  elsewhere?: RepositoryElsewhere[];
}

export function isComment(item: HistoryItem): item is HistoryComment {
  return item.type === "comment";
}

/** A pull request's cross-reference as issue-like facts (what action items and the review read). */
export function referenceFromPull(pull: PullFact): ReferencingIssue {
  return {
    kind: "PullRequest",
    number: pull.number,
    title: pull.title,
    url: pull.url,
    state: pull.state,
    author: pull.author,
    body: pull.body,
    closedAt: pull.closedAt,
    closer: null,
    headRef: pull.headRefName,
    mergedAt: pull.mergedAt,
  };
}
