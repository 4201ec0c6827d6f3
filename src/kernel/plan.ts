import type { NamedPull } from "./code-history.js";
import type { ReactionContent } from "./history.js";

/**
 * A plan is a list of typed writes (§2.5): decided purely, printed in a dry run,
 * counted and asserted in tests, and applied in order by one small executor.
 */
export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** Why the app comments; `reminder` is the sweep's, read back by nobody but the sweep. */
export type CommentPurpose = "timeline" | "declaration" | "reply" | "notice" | "reminder" | "checklist";

/** A value a project field is set to (§8): a date, a single-select option, or nothing. */
export type ProjectFieldValue =
  | { fieldId: string; field: string; date: string }
  | { fieldId: string; field: string; optionId: string; option: string }
  | { fieldId: string; field: string; clear: true };

/**
 * A field of an issue created earlier in the same plan (`create-issue` with this
 * `ref`), filled in by the executor wherever a later write names it.
 */
export function refToken(ref: string, field: "number" | "url" | "id"): string {
  return `⟦${ref}.${field}⟧`;
}

export interface CreatedIssue {
  ref: string;
  number: number;
  url: string;
  id: string;
}

export function fillRefs(text: string, created: ReadonlyMap<string, CreatedIssue>): string {
  return text.replace(
    /⟦([A-Za-z0-9_:-]+)\.(number|url|id)⟧/g,
    (whole, ref: string, field: "number" | "url" | "id") => {
      const issue = created.get(ref);
      return issue ? String(issue[field]) : whole;
    },
  );
}

/** Stands in a reply for the pull request a write created (`#12`), filled in by the executor. */
export const CREATED_PULL = "{{created-pull}}";

/**
 * Stand in a `/rollback` reply for what only the executor learns: the commit it deploys
 * again (in full and short), the deployment it created, and when that commit's deployment was made.
 */
export const ROLLBACK_SHA = "{{rollback-sha}}";
export const ROLLBACK_SHORT_SHA = "{{rollback-short-sha}}";
export const ROLLBACK_DEPLOYMENT = "{{rollback-deployment}}";
export const ROLLBACK_DEPLOYED_AT = "{{rollback-deployed-at}}";

/** What a rollback deployment's payload says about the incident, so the user's CD (and the app) can tell. */
export interface RollbackPayload {
  incident: { repository: string; number: number; id: string; url: string };
  /** The command that asked for it (`commentId:line`): a repeated event finds its deployment. */
  source: string;
}

/** The reply that answers a code write once it succeeded (its body carries the reply marker). */
export interface ReplySpec {
  body: string;
}

/**
 * What to say on the incident when a code write fails: `what` (e.g. "Could not create
 * the hotfix branch") and GitHub's reason, under `marker`, so the command counts as
 * answered. Later writes with the same `key` are skipped.
 */
export interface FailureSpec {
  key: string;
  marker: string;
  what: string;
}

/** A write made outside the incident's plan (another repository's freeze check) that GitHub refused. */
export interface WriteFailure {
  failure: FailureSpec;
  /** GitHub's reason, in words for people. */
  reason: string;
}

/** The incident-freeze check a pull request's head commit should carry. */
export interface CheckSpec {
  conclusion: "success" | "failure";
  title: string;
  summary: string;
  detailsUrl: string;
}

/** Writes of code response (§7); each names its reply and failure report where it answers a command. */
export type CodeWrite =
  | {
      kind: "create-branch";
      branch: string;
      /** Another repository (a service's, from the config); the incident's own when absent. */
      repository?: { owner: string; name: string };
      /** A commit, or a ref the executor resolves right before branching. */
      from: { sha: string } | { ref: string };
      reply: ReplySpec | null;
      failure: FailureSpec;
    }
  | {
      kind: "create-branch-from-deployed";
      branch: string;
      repository: { owner: string; name: string };
      environment: string;
      reply: ReplySpec;
      failure: FailureSpec;
    }
  | {
      /** `/rollback`: a new deployment of the last commit deployed successfully before impact started. */
      kind: "create-deployment";
      repository: { owner: string; name: string };
      environment: string;
      /** Only deployments created before this moment count (the start of impact). */
      before: Date;
      description: string;
      payload: RollbackPayload;
      reply: ReplySpec;
      failure: FailureSpec;
    }
  | {
      kind: "revert-pull";
      pr: number;
      /** Another repository (a service's, from the config); the incident's own when absent. */
      repository?: { owner: string; name: string };
      /** The pull request as the event's read found it (`code.named`), so it is not read again. */
      target?: { archived: boolean; pull: NamedPull };
      title: string;
      body: string;
      reply: ReplySpec;
      failure: FailureSpec;
    }
  | {
      kind: "put-file";
      branch: string;
      path: string;
      content: string;
      /** Blob sha of the file being replaced; null to create it. */
      sha: string | null;
      message: string;
      reply: ReplySpec | null;
      failure: FailureSpec;
    }
  | {
      kind: "create-pull";
      head: string;
      base: string;
      title: string;
      body: string;
      reviewers: string[];
      teamReviewers: string[];
      reply: ReplySpec | null;
      failure: FailureSpec;
    }
  | {
      kind: "set-check";
      pr: number;
      headSha: string;
      /** The app's run to update, or null to create one. */
      checkRun: { id: number; nodeId: string } | null;
      check: CheckSpec;
      failure: FailureSpec;
    }
  /** With `failure`, a refusal is told on the incident (and answers for the comment) instead of failing the plan. */
  | { kind: "comment-on-pull"; pr: number; body: string; failure?: FailureSpec };

export type Write =
  | {
      kind: "update-issue";
      title?: string;
      labels?: string[];
      /** Who must be assigned, those already assigned included (the app never unassigns). */
      assignees?: string[];
      state?: "open" | "closed";
      stateReason?: "completed" | "not_planned" | "reopened";
      body?: string;
    }
  | {
      kind: "create-issue";
      ref: string;
      title: string;
      body: string;
      labels: string[];
      assignees: string[];
    }
  /** A comment on another issue than the plan's (an action item's problem, told on its incident). */
  | { kind: "comment-on"; subjectId: string; number: number; purpose: CommentPurpose; body: string }
  | { kind: "add-project-item"; ref: string; projectId: string; contentId: string }
  | { kind: "set-project-fields"; projectId: string; itemId: string; values: ProjectFieldValue[] }
  | { kind: "create-labels"; labels: LabelSpec[] }
  | { kind: "react"; subjectId: string; content: ReactionContent }
  | { kind: "add-comment"; purpose: CommentPurpose; body: string }
  | { kind: "update-comment"; purpose: CommentPurpose; commentId: string; body: string }
  | { kind: "delete-comment"; purpose: CommentPurpose; commentId: string }
  | CodeWrite;

export type Plan = Write[];

/** Writes that need no incident to apply: freeze checks and comments on pull requests, comments on other issues. */
export type RepoWrite = Extract<Write, { kind: "set-check" | "comment-on-pull" | "comment-on" }>;

export function isRepoWrite(write: Write): write is RepoWrite {
  return write.kind === "set-check" || write.kind === "comment-on-pull" || write.kind === "comment-on";
}

/** One line per write, for dry runs and logs. */
export function describeWrite(write: Write): string {
  switch (write.kind) {
    case "update-issue": {
      const { kind: _kind, body, ...fields } = write;
      const bodyText = body === undefined ? "" : ` and body (${body.length} chars)`;
      return `update issue ${JSON.stringify(fields)}${bodyText}`;
    }
    case "create-issue":
      return `create issue “${write.title}” labels ${write.labels.join(", ")}${write.assignees.length ? ` assigned ${write.assignees.join(", ")}` : ""}`;
    case "comment-on":
      return `add ${write.purpose} comment on #${write.number} (${write.body.length} chars)`;
    case "add-project-item":
      return `add ${write.contentId} to project ${write.projectId}`;
    case "set-project-fields":
      return `set project fields ${write.values
        .map((value) =>
          "date" in value
            ? `${value.field}=${value.date}`
            : "option" in value
              ? `${value.field}=${value.option}`
              : `${value.field} cleared`,
        )
        .join(", ")}`;
    case "create-labels":
      return `create labels ${write.labels.map((label) => label.name).join(", ")}`;
    case "react":
      return `react ${write.content} on ${write.subjectId}`;
    case "add-comment":
      return `add ${write.purpose} comment (${write.body.length} chars)`;
    case "update-comment":
      return `update ${write.purpose} comment ${write.commentId} (${write.body.length} chars)`;
    case "delete-comment":
      return `delete duplicate ${write.purpose} comment ${write.commentId}`;
    case "create-branch":
      return `create branch ${write.branch} from ${"sha" in write.from ? write.from.sha.slice(0, 7) : write.from.ref}`;
    case "create-branch-from-deployed":
      return `create branch ${write.branch} in ${write.repository.owner}/${write.repository.name} from its last ${write.environment} deployment`;
    case "create-deployment":
      return `deploy to ${write.environment} of ${write.repository.owner}/${write.repository.name} the last good commit before ${write.before.toISOString()}`;
    case "revert-pull":
      return `revert pull request #${write.pr}`;
    case "put-file":
      return `${write.sha ? "update" : "create"} ${write.path} on ${write.branch}`;
    case "create-pull":
      return `open pull request ${write.head} -> ${write.base}`;
    case "set-check":
      return `${write.checkRun ? "update" : "create"} ${write.check.conclusion} freeze check on #${write.pr}`;
    case "comment-on-pull":
      return `comment on pull request #${write.pr}`;
  }
}
