/**
 * The code side of a repository: git objects and refs, pull requests (issues with
 * pull fields, sharing the issue numbers), check runs and deployments. JSON-friendly
 * like the rest of the model.
 */

export interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: string;
  date: string;
}

export interface GitData {
  /** Blob sha -> text. */
  blobs: Record<string, string>;
  /** Tree sha -> full path -> blob sha (flat; subtrees are derived when asked for). */
  trees: Record<string, Record<string, string>>;
  commits: Record<string, GitCommit>;
  /** Full ref name (`refs/heads/main`) -> commit sha. */
  refs: Record<string, string>;
}

export interface PullFields {
  headRef: string;
  headSha: string;
  baseRef: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  requestedReviewers: string[];
  requestedTeams: string[];
}

export type CheckStatus = "queued" | "in_progress" | "completed";
export type CheckConclusion =
  | "success"
  | "failure"
  | "neutral"
  | "cancelled"
  | "skipped"
  | "timed_out"
  | "action_required";

export interface CheckSuite {
  id: number;
  nodeId: string;
  headSha: string;
  headBranch: string | null;
  app: string;
  createdAt: string;
}

export interface CheckRun {
  id: number;
  nodeId: string;
  suiteId: number;
  headSha: string;
  name: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  startedAt: string;
  completedAt: string | null;
  app: string;
}

export type DeploymentState =
  | "error"
  | "failure"
  | "inactive"
  | "pending"
  | "success"
  | "queued"
  | "in_progress";

export interface DeploymentStatus {
  id: number;
  nodeId: string;
  state: DeploymentState;
  description: string;
  creator: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  createdAt: string;
}

export interface Deployment {
  id: number;
  nodeId: string;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  creator: string;
  createdAt: string;
  updatedAt: string;
  productionEnvironment: boolean;
  transientEnvironment: boolean;
  statuses: DeploymentStatus[];
}
