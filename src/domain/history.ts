/**
 * An issue's history as the projection sees it: normalised from the GraphQL read,
 * chronological, with dates as `Date`. Nothing here knows about Octokit.
 */

export type ActorKind = "User" | "Bot";

export interface Actor {
  login: string;
  kind: ActorKind;
}

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
  | (EventBase & { type: "cross-referenced"; source: ReferencingIssue });

export type HistoryItem = HistoryComment | HistoryEvent;

export interface RepoLabel {
  id: string;
  name: string;
  color: string;
  description: string | null;
}

export interface RecentIncident {
  number: number;
  title: string;
}

export interface RepoFacts {
  id: string;
  nameWithOwner: string;
  url: string;
  defaultBranch: string | null;
  labels: RepoLabel[];
  /** Blob id of `.github/incident.yml`, or null when the repo has none. */
  configOid: string | null;
  /** Incidents touched since the start of the declaration day; read only when declaring. */
  recentIncidents: RecentIncident[] | null;
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
}

export function isComment(item: HistoryItem): item is HistoryComment {
  return item.type === "comment";
}
