import type {
  Actor,
  CodeFacts,
  DeploymentFact,
  FreezeCheckFact,
  MergedReviewFact,
  OpenPullFact,
  PullFact,
  PullState,
} from "../kernel/history.js";

/** The code part of the history read, normalised for the pure layers. */

export interface RawActor {
  __typename?: string;
  login?: string;
  /** A user's node id, where the read asks for it (comment authors). */
  id?: string;
}

export interface RawPull {
  number: number;
  title: string;
  url: string;
  state: PullState;
  isDraft: boolean;
  createdAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  headRefName: string;
  baseRefName: string;
  body: string | null;
  author: RawActor | null;
  mergedBy: RawActor | null;
  files?: { nodes: Array<{ path: string }> };
}

/** A review pull request: `REVIEW_PULL_FIELDS`. */
export type RawReviewPull = RawPull & {
  mergeCommit?: { reviewFile: { object: RawBlob } | null } | null;
  comments?: { nodes: Array<{ author: RawActor | null; body: string }> };
};

interface RawCheckRuns {
  commits: {
    nodes: Array<{
      commit: {
        checkSuites: {
          nodes: Array<{
            app: { slug: string } | null;
            checkRuns: {
              nodes: Array<{
                id: string;
                databaseId: number;
                conclusion: string | null;
                title: string | null;
              }>;
            };
          }>;
        };
      };
    }>;
  };
}

export type RawOpenPull = RawCheckRuns & {
  number: number;
  title: string;
  url: string;
  headRefName: string;
  baseRefName: string;
  headRefOid: string;
  author: RawActor | null;
};

interface RawDeployment {
  databaseId: number;
  commitOid: string;
  createdAt: string;
  environment: string | null;
  description: string | null;
  ref: { name: string } | null;
  creator: RawActor | null;
  statuses: {
    nodes: Array<{ state: string; createdAt: string; description: string | null; creator: RawActor | null }>;
  } | null;
}

type RawBlob = { __typename: string; oid?: string; text?: string } | null;

export interface RawCodeFields {
  defaultBranchRef: { name: string; target?: { oid: string } | null } | null;
  deployments?: { nodes: RawDeployment[] };
  openPulls?: { nodes: RawOpenPull[] };
  freezing?: { nodes: Array<{ number: number; title: string; url: string }> };
  hotfixRef?: { name: string; target: { oid: string } } | null;
  pirRef?: { name: string; target: { oid: string; message?: string } } | null;
  hotfixPulls?: { nodes: RawPull[] };
  pirPulls?: { nodes: RawReviewPull[] };
  pirFile?: RawBlob;
  mergedPulls?: { nodes: RawPull[] };
  codeownersGithub?: RawBlob;
  codeownersRoot?: RawBlob;
  codeownersDocs?: RawBlob;
}

/** GraphQL names a bot `slug`; REST and webhooks say `slug[bot]`. One spelling everywhere: REST's. */
export function actor(raw: RawActor | null | undefined): Actor | null {
  if (!raw?.login) return null;
  if (raw.__typename !== "Bot") return { login: raw.login, kind: "User" };
  return { login: raw.login.endsWith("[bot]") ? raw.login : `${raw.login}[bot]`, kind: "Bot" };
}

const date = (text: string) => new Date(text);
const maybeDate = (text: string | null) => (text ? new Date(text) : null);

export function pullFact(raw: RawPull): PullFact {
  return {
    number: raw.number,
    title: raw.title,
    url: raw.url,
    state: raw.state,
    isDraft: raw.isDraft,
    createdAt: date(raw.createdAt),
    mergedAt: maybeDate(raw.mergedAt),
    closedAt: maybeDate(raw.closedAt),
    headRefName: raw.headRefName,
    baseRefName: raw.baseRefName,
    body: raw.body ?? "",
    author: actor(raw.author),
    mergedBy: actor(raw.mergedBy),
    files: raw.files?.nodes.map((file) => file.path) ?? [],
  };
}

/** `incident-freeze` runs on the head commit, newest first, with the app that made each. */
export function freezeChecks(raw: RawCheckRuns): FreezeCheckFact[] {
  const suites = raw.commits.nodes[0]?.commit.checkSuites.nodes ?? [];
  return suites
    .flatMap((suite) =>
      suite.checkRuns.nodes.map((run) => ({
        id: run.databaseId,
        nodeId: run.id,
        app: suite.app?.slug ?? "",
        conclusion: run.conclusion,
        title: run.title,
      })),
    )
    .sort((a, b) => b.id - a.id);
}

function openPull(raw: RawOpenPull): OpenPullFact {
  return {
    number: raw.number,
    title: raw.title,
    url: raw.url,
    headRefName: raw.headRefName,
    baseRefName: raw.baseRefName,
    headSha: raw.headRefOid,
    author: actor(raw.author),
    freezeChecks: freezeChecks(raw),
  };
}

function deployment(raw: RawDeployment): DeploymentFact {
  return {
    id: raw.databaseId,
    sha: raw.commitOid,
    environment: raw.environment ?? "",
    ref: raw.ref?.name ?? null,
    createdAt: date(raw.createdAt),
    creator: actor(raw.creator)?.login ?? null,
    description: raw.description,
    statuses: (raw.statuses?.nodes ?? []).map((status) => ({
      state: status.state,
      at: date(status.createdAt),
      by: actor(status.creator)?.login ?? null,
      description: status.description,
    })),
  };
}

const blobText = (blob: RawBlob | undefined) => (blob?.__typename === "Blob" ? (blob.text ?? null) : null);

function mergedReview(raw: RawReviewPull): MergedReviewFact {
  return {
    number: raw.number,
    file: blobText(raw.mergeCommit?.reviewFile?.object ?? null),
    comments: (raw.comments?.nodes ?? []).map((c) => ({ author: actor(c.author), body: c.body })),
  };
}

export function codeFacts(raw: RawCodeFields, withCode: boolean): CodeFacts {
  const branch = (ref: { name: string; target: { oid: string; message?: string } } | null | undefined) =>
    ref ? { name: ref.name, oid: ref.target.oid, headMessage: ref.target.message ?? null } : null;
  const pirFile = raw.pirFile?.__typename === "Blob" ? raw.pirFile : null;
  return {
    defaultBranchOid: raw.defaultBranchRef?.target?.oid ?? null,
    deployments: (raw.deployments?.nodes ?? []).map(deployment),
    openPulls: (raw.openPulls?.nodes ?? []).map(openPull),
    freezing: raw.freezing?.nodes ?? [],
    branches: withCode ? { hotfix: branch(raw.hotfixRef), pir: branch(raw.pirRef) } : null,
    hotfixPulls: (raw.hotfixPulls?.nodes ?? []).map(pullFact),
    pirPulls: (raw.pirPulls?.nodes ?? []).map(pullFact),
    pirFile: pirFile ? { oid: pirFile.oid ?? "", text: pirFile.text ?? "" } : null,
    mergedReviews: (raw.pirPulls?.nodes ?? []).filter((pull) => pull.state === "MERGED").map(mergedReview),
    suspects: raw.mergedPulls
      ? {
          merged: raw.mergedPulls.nodes.map(pullFact),
          codeowners:
            blobText(raw.codeownersGithub) ?? blobText(raw.codeownersRoot) ?? blobText(raw.codeownersDocs),
        }
      : null,
  };
}
