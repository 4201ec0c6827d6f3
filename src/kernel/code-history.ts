import type { Actor } from "./actor.js";

/** The code around an incident as the history read returns it (see `CodeFacts`). */

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
  /** The run's GraphQL node id (`updateCheckRun` names it by this). */
  nodeId: string;
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

/** An open incident of the repository carrying the freeze label; its body tells its services. */
export interface FreezingIssue {
  number: number;
  title: string;
  url: string;
  body?: string;
}

/**
 * Another repository as an incident sees it (organisation mode, §13), read in one batched
 * document with the other repositories: its incidents of the day (ids), recent changes and
 * code owners (suspects), open pull requests with their freeze checks and its own freezing
 * incidents (the freeze). A part not asked for is null.
 */
export interface RepositoryElsewhere {
  nameWithOwner: string;
  url: string;
  defaultBranch: string | null;
  /** False when the app cannot read it (not installed, or gone). */
  visible: boolean;
  recentIncidents: Array<{ number: number; title: string; createdAt: string }> | null;
  suspects: { merged: PullFact[]; codeowners: string | null; deployments: DeploymentFact[] } | null;
  openPulls: OpenPullFact[] | null;
  freezing: FreezingIssue[] | null;
  /**
   * What the incident's timeline shows of it (the incident acts there, or an affected
   * service lives there): deployments, and the incident's hotfix branch and its pull requests.
   */
  code: ElsewhereCode | null;
  /** Services' code owners files read here (`services.<name>.codeOwners`), by path; null: no such file. */
  codeOwnersFiles?: Record<string, string | null>;
}

export interface ElsewhereCode {
  deployments: DeploymentFact[];
  /** Null when it does not exist (or the incident has no id yet). */
  hotfix: BranchFact | null;
  hotfixPulls: PullFact[];
}

/**
 * A merged review pull request: the review file as it was merged (at the merge commit)
 * and the pull request's latest comments, where the app lists the items it made of the
 * file's action-items table.
 */
export interface MergedReviewFact {
  number: number;
  /** The review file at the merge commit; null when the merge did not contain it. */
  file: string | null;
  comments: Array<{ author: Actor | null; body: string }>;
}

export interface BranchFact {
  name: string;
  oid: string;
  /** The head commit's message (read for the review branch only). */
  headMessage?: string | null;
}

/**
 * The code around an incident, read with its history: the default branch head,
 * deployments, open pull requests (for the merge freeze) and incidents freezing
 * merges; once the id is known, the hotfix and review branches, their pull requests
 * and the review file (on its branch, and as merged); on declaration, recently merged
 * pull requests and CODEOWNERS.
 */
export interface CodeFacts {
  defaultBranchOid: string | null;
  deployments: DeploymentFact[];
  openPulls: OpenPullFact[];
  freezing: FreezingIssue[];
  /** Null when the read did not look (the incident had no id yet). */
  branches: { hotfix: BranchFact | null; pir: BranchFact | null } | null;
  hotfixPulls: PullFact[];
  pirPulls: PullFact[];
  pirFile: { oid: string; text: string } | null;
  /** The merged ones among `pirPulls`, newest first. */
  mergedReviews: MergedReviewFact[];
  /** Read only on declaration. */
  suspects: { merged: PullFact[]; codeowners: string | null } | null;
  /** The numbers the event's comment names (`/revert #N`), read with the history; absent when it names none. */
  named?: { archived: boolean; pulls: NamedPull[] };
}

/** A number in the incident's repository as the read found it: a pull request (with its node id), an issue, nothing. */
export type NamedPull =
  | { number: number; kind: "missing" }
  | { number: number; kind: "issue" }
  | { number: number; kind: "pull"; id: string; state: string; merged: boolean };

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
    mergedReviews: [],
    suspects: null,
  };
}

/** `owner/name` of a pull request, from its URL (`https://github.com/owner/name/pull/4`). */
export function pullRepository(pull: Pick<PullFact, "url">): string | null {
  return /\/([^/]+\/[^/]+)\/pull\/\d+$/.exec(pull.url)?.[1] ?? null;
}

/** How the incident names a pull request: `#4` in its own repository, `owner/name#4` in another. */
export function pullRef(pull: Pick<PullFact, "url" | "number">, home: string): string {
  const repository = pullRepository(pull);
  const foreign = repository !== null && repository.toLowerCase() !== home.toLowerCase();
  return foreign ? `${repository}#${pull.number}` : `#${pull.number}`;
}
