import type { CheckRun, CheckSuite, Deployment, GitData, PullFields } from "./code-model.js";
import type { ProjectAccess, ProjectV2 } from "./project-model.js";

/**
 * The simulator's state as plain JSON-friendly records. Records refer to each other by
 * login or numeric id, never by object reference, so a snapshot is a JSON copy.
 */

export type AccountType = "User" | "Bot" | "Organization";
export type Permission = "admin" | "maintain" | "write" | "triage" | "read";
export type IssueState = "open" | "closed";
export type StateReason = "completed" | "not_planned" | "duplicate" | "reopened";
export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export const REACTION_CONTENTS: readonly ReactionContent[] = [
  "+1",
  "-1",
  "laugh",
  "hooray",
  "confused",
  "heart",
  "rocket",
  "eyes",
];

export interface Account {
  type: AccountType;
  login: string;
  id: number;
  nodeId: string;
  name: string | null;
  createdAt: string;
}

export interface OrgMembership {
  login: string;
  members: string[];
  owners: string[];
  /** The app's "Organization projects" permission here; write when unset. */
  appProjects?: ProjectAccess;
}

export interface Label {
  id: number;
  nodeId: string;
  repoId: number;
  name: string;
  color: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Reaction {
  id: number;
  nodeId: string;
  user: string;
  content: ReactionContent;
  createdAt: string;
}

export interface Comment {
  id: number;
  nodeId: string;
  repoId: number;
  issueNumber: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  /** Who edited it last (GitHub's `editor`); absent when never edited. */
  editor?: string;
  /** Each edit of its body, oldest first (GitHub's `userContentEdits`); absent when never edited. */
  edits?: Array<{ at: string; editor: string }>;
  reactions: Reaction[];
}

interface EventBase {
  seq: number;
  id: number;
  nodeId: string;
  actor: string;
  createdAt: string;
}

export type TimelineItem =
  | { kind: "IssueComment"; seq: number; commentId: number }
  | (EventBase & { kind: "LabeledEvent" | "UnlabeledEvent"; labelId: number })
  /** `closer`: the merged pull request whose description closed it (`Fixes #12`), if any. */
  | (EventBase & { kind: "ClosedEvent"; stateReason: StateReason; closer?: ClosedEventCloser | null })
  | (EventBase & { kind: "ReopenedEvent" })
  | (EventBase & { kind: "AssignedEvent" | "UnassignedEvent"; assignee: string })
  | (EventBase & { kind: "RenamedTitleEvent"; previousTitle: string; currentTitle: string })
  /** Another issue or pull request mentioned this one (`#12`); `source` is its number. */
  | (EventBase & {
      kind: "CrossReferencedEvent";
      source: number;
      /** The mentioning issue's repository, when it is not the mentioned one's. */
      sourceRepoId?: number;
      willCloseTarget: boolean;
    })
  /** The issue moved here from another repository (`transferIssue`). */
  | (EventBase & { kind: "TransferredEvent"; fromRepoId: number });

/** A pull request, by its repository and number. */
export interface ClosedEventCloser {
  repoId: number;
  number: number;
}

export type TimelineEvent = Exclude<TimelineItem, { kind: "IssueComment" }>;

export interface Issue {
  id: number;
  nodeId: string;
  repoId: number;
  number: number;
  title: string;
  body: string | null;
  state: IssueState;
  stateReason: StateReason | null;
  labelIds: number[];
  assignees: string[];
  author: string;
  locked: false;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  lastEditedAt: string | null;
  commentIds: number[];
  reactions: Reaction[];
  timeline: TimelineItem[];
  /** Set when this "issue" is a pull request (they share numbers, comments and labels). */
  pull: PullFields | null;
}

export interface Repo {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  defaultBranch: string;
  private: boolean;
  /** Read-only: GitHub refuses every write with 403 "Repository was archived so is read-only." */
  archived?: boolean;
  collaborators: Record<string, Permission>;
  git: GitData;
  labels: Label[];
  issues: Issue[];
  nextNumber: number;
  checkSuites: CheckSuite[];
  checkRuns: CheckRun[];
  deployments: Deployment[];
  /** Issues transferred away: old number -> where it lives now (its old URL redirects there). */
  movedIssues?: Record<number, { repoId: number; number: number }>;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
}

export interface Installation {
  id: number;
  nodeId: string;
  account: string;
  repoIds: number[];
  createdAt: string;
}

export interface SimState {
  accounts: Record<string, Account>;
  orgs: Record<string, OrgMembership>;
  repos: Repo[];
  comments: Comment[];
  installations: Installation[];
  /** Organisation Projects v2 boards (see project-model.ts). */
  projects: ProjectV2[];
}
