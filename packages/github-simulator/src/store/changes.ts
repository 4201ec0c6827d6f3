import type { Deployment, DeploymentStatus } from "./code-model.js";
import type { Comment, Installation, Issue, Label, Repo } from "./model.js";

/**
 * What a write did, as GitHub would announce it in a webhook. Emitted synchronously
 * by the store, so a listener sees the state right after that one change.
 */
export type Change =
  | {
      type: "issues.opened" | "issues.closed" | "issues.reopened";
      repo: Repo;
      issue: Issue;
      actor: string;
      /** `issues.opened` of a transferred issue: where it came from, as it was there. */
      transferredFrom?: { repo: Repo; issue: Issue };
    }
  | {
      type: "issues.edited";
      repo: Repo;
      issue: Issue;
      actor: string;
      changes: { title?: { from: string }; body?: { from: string | null } };
    }
  | { type: "issues.labeled" | "issues.unlabeled"; repo: Repo; issue: Issue; actor: string; label: Label }
  | {
      type: "issues.assigned" | "issues.unassigned";
      repo: Repo;
      issue: Issue;
      actor: string;
      assignee: string;
    }
  | {
      type: "issue_comment.created" | "issue_comment.deleted";
      repo: Repo;
      issue: Issue;
      comment: Comment;
      actor: string;
    }
  | {
      type: "issue_comment.edited";
      repo: Repo;
      issue: Issue;
      comment: Comment;
      actor: string;
      changes: { body: { from: string } };
    }
  | {
      /** In the source repository; `issue` is the issue as it was there (old number). */
      type: "issues.transferred";
      repo: Repo;
      issue: Issue;
      actor: string;
      newRepo: Repo;
      newIssue: Issue;
    }
  | { type: "label.created"; repo: Repo; label: Label; actor: string }
  | {
      type: "label.edited";
      repo: Repo;
      label: Label;
      actor: string;
      changes: { name?: { from: string }; color?: { from: string }; description?: { from: string | null } };
    }
  | { type: "installation.created"; installation: Installation; actor: string }
  | {
      type: "installation_repositories.added";
      installation: Installation;
      added: Repo[];
      actor: string;
    }
  | {
      type: "pull_request.opened" | "pull_request.closed" | "pull_request.reopened";
      repo: Repo;
      issue: Issue;
      actor: string;
    }
  | {
      type: "pull_request.edited";
      repo: Repo;
      issue: Issue;
      actor: string;
      changes: {
        title?: { from: string };
        body?: { from: string };
        base?: { ref: { from: string }; sha: { from: string } };
      };
    }
  | {
      type: "pull_request.synchronize";
      repo: Repo;
      issue: Issue;
      actor: string;
      before: string;
      after: string;
    }
  | {
      type: "deployment_status.created";
      repo: Repo;
      deployment: Deployment;
      status: DeploymentStatus;
      actor: string;
    };

export type ChangeListener = (change: Change) => void;
