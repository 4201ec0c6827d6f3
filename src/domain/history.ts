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
  code: CodeFacts;
}

export type PullState = "OPEN" | "CLOSED" | "MERGED";

/** A pull request as the read returns it (its current state). */
export interface PullFact {
  number: number;
  title: string;
  url: string;
  state: PullState;
  isDraft: boolean;
  createdAt: Date;
  mergedAt: Date | null;
  closedAt: Date | null;
  headRefName: string;
  baseRefName: string;
  author: Actor | null;
  mergedBy: Actor | null;
  body: string;
  /** Changed paths; read only for suspects. */
  files: string[];
}

export interface DeploymentStatusFact {
  state: string;
  at: Date;
  by: string | null;
  description: string | null;
}

export interface DeploymentFact {
  id: number;
  sha: string;
  environment: string;
  /** Branch or tag deployed; null when deployed by sha. */
  ref: string | null;
  createdAt: Date;
  creator: string | null;
  description: string | null;
  statuses: DeploymentStatusFact[];
}

/** An `incident-freeze` check run on a pull request's head commit, and the app (slug) that made it. */
export interface FreezeCheckFact {
  id: number;
  app: string;
  conclusion: string | null;
  title: string | null;
}

export interface OpenPullFact {
  number: number;
  title: string;
  url: string;
  headRefName: string;
  baseRefName: string;
  headSha: string;
  author: Actor | null;
  freezeChecks: FreezeCheckFact[];
}

export interface BranchFact {
  name: string;
  oid: string;
}

/**
 * The code around an incident, read with its history: the default branch head,
 * deployments, open pull requests (for the merge freeze) and incidents freezing
 * merges; once the id is known, the hotfix and review branches, their pull requests
 * and the review file; on declaration, recently merged pull requests and CODEOWNERS.
 */
export interface CodeFacts {
  defaultBranchOid: string | null;
  deployments: DeploymentFact[];
  openPulls: OpenPullFact[];
  freezing: Array<{ number: number; title: string; url: string }>;
  /** Null when the read did not look (the incident had no id yet). */
  branches: { hotfix: BranchFact | null; pir: BranchFact | null } | null;
  hotfixPulls: PullFact[];
  pirPulls: PullFact[];
  pirFile: { oid: string; text: string } | null;
  /** Read only on declaration. */
  suspects: { merged: PullFact[]; codeowners: string | null } | null;
}

export function emptyCodeFacts(): CodeFacts {
  return {
    defaultBranchOid: null,
    deployments: [],
    openPulls: [],
    freezing: [],
    branches: null,
    hotfixPulls: [],
    pirPulls: [],
    pirFile: null,
    suspects: null,
  };
}

export function isComment(item: HistoryItem): item is HistoryComment {
  return item.type === "comment";
}
