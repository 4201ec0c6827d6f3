import { installationShape, orgShape, userShape } from "../rest/account-shapes.js";
import { deploymentShape, deploymentStatusShape } from "../rest/deployment-handlers.js";
import { commentShape, issueShape, labelShape } from "../rest/issue-shapes.js";
import { pullWebhookShape } from "../rest/pull-shapes.js";
import { repoShape } from "../rest/repo-shapes.js";
import type { SimContext } from "../sim-context.js";
import type { Change } from "../store/changes.js";
import type { Repo } from "../store/model.js";

export interface WebhookMessage {
  event: string;
  action: string;
  payload: Record<string, unknown>;
}

function repoContext(ctx: SimContext, repo: Repo, actor: string): Record<string, unknown> | null {
  const installation = ctx.store.installationFor(repo);
  // Apps only hear about repositories they are installed on.
  if (!installation) return null;
  const owner = ctx.store.requireAccount(repo.owner);
  return {
    repository: repoShape(ctx, repo),
    ...(owner.type === "Organization" ? { organization: orgShape(ctx, owner) } : {}),
    sender: userShape(ctx, ctx.store.requireAccount(actor)),
    installation: { id: installation.id, node_id: installation.nodeId },
  };
}

type PullChange = Extract<Change, { type: `pull_request.${string}` }>;

/** `number` and `pull_request` (webhook shape), plus `changes` or `before`/`after`. */
function pullRequestFields(ctx: SimContext, change: PullChange): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    number: change.issue.number,
    pull_request: pullWebhookShape(ctx, change.repo, change.issue),
  };
  if (change.type === "pull_request.edited") fields.changes = change.changes;
  if (change.type === "pull_request.synchronize") {
    fields.before = change.before;
    fields.after = change.after;
  }
  return fields;
}

/** The webhook GitHub would send the app for `change`, built from the state right after it. */
export function webhookFor(ctx: SimContext, change: Change): WebhookMessage | null {
  const [event, action] = change.type.split(".") as [string, string];
  const listed = (repo: Repo) => ({
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private,
  });
  if (change.type === "installation.created") {
    const { installation } = change;
    return {
      event,
      action,
      payload: {
        action,
        installation: installationShape(ctx, installation),
        repositories: installation.repoIds.map((id) => listed(ctx.store.repoById(id))),
        requester: null,
        sender: userShape(ctx, ctx.store.requireAccount(change.actor)),
      },
    };
  }
  if (change.type === "installation_repositories.added") {
    return {
      event,
      action,
      payload: {
        action,
        installation: installationShape(ctx, change.installation),
        repository_selection: "selected",
        repositories_added: change.added.map(listed),
        repositories_removed: [],
        requester: null,
        sender: userShape(ctx, ctx.store.requireAccount(change.actor)),
      },
    };
  }
  const context = repoContext(ctx, change.repo, change.actor);
  if (!context) return null;
  const { repo } = change;
  const specific: Record<string, unknown> = {};
  switch (change.type) {
    case "label.created":
      specific.label = labelShape(ctx, repo, change.label);
      break;
    case "label.edited":
      specific.label = labelShape(ctx, repo, change.label);
      specific.changes = change.changes;
      break;
    case "issue_comment.created":
    case "issue_comment.deleted":
      specific.issue = issueShape(ctx, repo, change.issue);
      specific.comment = commentShape(ctx, repo, change.comment);
      break;
    case "issue_comment.edited":
      specific.changes = change.changes;
      specific.issue = issueShape(ctx, repo, change.issue);
      specific.comment = commentShape(ctx, repo, change.comment);
      break;
    case "issues.edited":
      specific.issue = issueShape(ctx, repo, change.issue);
      specific.changes = change.changes;
      break;
    case "issues.transferred":
      specific.issue = issueShape(ctx, repo, change.issue);
      specific.changes = {
        new_issue: issueShape(ctx, change.newRepo, change.newIssue),
        new_repository: repoShape(ctx, change.newRepo),
      };
      break;
    case "issues.labeled":
    case "issues.unlabeled":
      specific.issue = issueShape(ctx, repo, change.issue);
      specific.label = labelShape(ctx, repo, change.label);
      break;
    case "issues.assigned":
    case "issues.unassigned":
      specific.issue = issueShape(ctx, repo, change.issue);
      specific.assignee = userShape(ctx, ctx.store.requireAccount(change.assignee));
      break;
    case "pull_request.opened":
    case "pull_request.closed":
    case "pull_request.reopened":
    case "pull_request.edited":
    case "pull_request.synchronize":
      Object.assign(specific, pullRequestFields(ctx, change));
      break;
    case "deployment_status.created":
      specific.deployment_status = deploymentStatusShape(ctx, repo, change.deployment, change.status);
      specific.deployment = deploymentShape(ctx, repo, change.deployment);
      break;
    default:
      specific.issue = issueShape(ctx, repo, change.issue);
      // Like GitHub: a transferred issue's `opened` says where it came from.
      if (change.type === "issues.opened" && change.transferredFrom) {
        specific.changes = {
          old_issue: issueShape(ctx, change.transferredFrom.repo, change.transferredFrom.issue),
          old_repository: repoShape(ctx, change.transferredFrom.repo),
        };
      }
  }
  return { event, action, payload: { action, ...specific, ...context } };
}
