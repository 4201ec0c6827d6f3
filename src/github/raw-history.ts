import type { RecentIncident, RepoLabel } from "../kernel/history.js";
import type { RawActor, RawCodeFields, RawPull } from "./code-facts.js";

/** The issue's first comments without their text (queries.ts `FIRST_COMMENTS_FIELDS`). */
export interface FirstComment {
  id: string;
  updatedAt: string;
  lastEditedAt: string | null;
  author: RawActor | null;
  editor: RawActor | null;
  userContentEdits?: { totalCount: number };
}

/** The history read's answer as GitHub sends it, before normalisation. */
export interface RawItem {
  __typename: string;
  id?: string;
  databaseId?: number;
  url?: string;
  body?: string;
  createdAt?: string;
  lastEditedAt?: string | null;
  author?: RawActor | null;
  actor?: RawActor | null;
  authorAssociation?: string;
  reactionGroups?: Array<{ content: string; viewerHasReacted: boolean }> | null;
  label?: { name: string } | null;
  stateReason?: string | null;
  assignee?: RawActor | null;
  previousTitle?: string;
  currentTitle?: string;
  source?: RawSource | null;
  fromRepository?: { nameWithOwner: string; isPrivate: boolean } | null;
}

/** An Issue's fields (`issueState`: aliased, as the pull request's `state` is another enum) or a pull request's. */
type RawSource = {
  __typename: string;
  issueState?: string;
  lastClosed?: RawLastClosed | null;
} & Partial<RawPull>;

/** An issue's last `ClosedEvent` and its closer (`lastClosed: timelineItems(last: 1, …)`). */
export interface RawLastClosed {
  nodes: Array<{ closer?: RawCloser | null } | null>;
}

export type RawCloser =
  | { __typename: "PullRequest"; number: number; url: string; repository: { nameWithOwner: string } }
  | { __typename: "Commit"; abbreviatedOid: string; url: string; repository: { nameWithOwner: string } }
  | { __typename: string };

export interface RawPage {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<RawItem | null>;
}

export interface RawIssue {
  id: string;
  number: number;
  title: string;
  body: string;
  url: string;
  state: "OPEN" | "CLOSED";
  createdAt: string;
  closedAt: string | null;
  author: RawActor | null;
  authorAssociation: string;
  assignees: { nodes: Array<{ id: string; login: string }> };
  labels: { nodes: Array<{ id: string; name: string }> };
  timelineItems: RawPage;
  /** Reads that write after them select these (queries.ts `FIRST_COMMENTS_FIELDS`). */
  firstComments?: { nodes: Array<FirstComment | null> };
}

export interface RawRepository extends RawCodeFields {
  id: string;
  nameWithOwner: string;
  url: string;
  isPrivate?: boolean;
  labels: { nodes: RepoLabel[] };
  configFile: { __typename: string; oid?: string } | null;
  templatesFolder?: { __typename: string; oid?: string } | null;
  recentIncidents?: { nodes: RecentIncident[] } | null;
  pastIncidents?: {
    nodes: Array<{ number: number; title: string; url: string; createdAt: string; body: string }>;
  } | null;
  openActionItems?: {
    nodes: Array<{ number: number; title: string; url: string; body: string; author: RawActor | null }>;
  } | null;
}
