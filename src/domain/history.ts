import type { CodeFacts, PullFact } from "./code-history.js";

export type {
  BranchFact,
  CodeFacts,
  DeploymentFact,
  DeploymentStatusFact,
  FreezeCheckFact,
  OpenPullFact,
  PullFact,
  PullState,
} from "./code-history.js";
export { emptyCodeFacts } from "./code-history.js";

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

export type HistoryEvent =
  | (EventBase & { type: "labeled" | "unlabeled"; label: string })
  | (EventBase & {
      type: "closed";
      stateReason: "COMPLETED" | "NOT_PLANNED" | "REOPENED" | "DUPLICATE" | null;
    })
  | (EventBase & { type: "reopened" })
  | (EventBase & { type: "assigned" | "unassigned"; assignee: string })
  | (EventBase & { type: "renamed"; from: string; to: string });

/** A pull request that mentions the issue (`#12`): GitHub records a cross-reference. */
export interface CrossReference {
  type: "cross-referenced";
  id: string;
  at: Date;
  actor: Actor | null;
  pull: PullFact;
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
}

export function isComment(item: HistoryItem): item is HistoryComment {
  return item.type === "comment";
}
