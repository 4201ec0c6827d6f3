import type { SimContext } from "../sim-context.js";
import { permissionOf } from "../store/access.js";
import type { Repo } from "../store/model.js";
import { userShape } from "./account-shapes.js";

/** The `repository` of webhooks; `full` adds the fields of GET /repos/{owner}/{repo}. */
export function repoShape(
  ctx: SimContext,
  repo: Repo,
  opts: { full?: boolean; viewer?: string } = {},
): Record<string, unknown> {
  const owner = ctx.store.requireAccount(repo.owner);
  const fullName = `${repo.owner}/${repo.name}`;
  const api = `${ctx.apiUrl}/repos/${fullName}`;
  const html = `${ctx.htmlUrl}/${fullName}`;
  const openIssues = repo.issues.filter((i) => i.state === "open").length;
  const shape: Record<string, unknown> = {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: userShape(ctx, owner),
    html_url: html,
    description: null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt,
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: repo.archived === true,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? "private" : "public",
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
    custom_properties: {},
  };
  if (opts.full) {
    if (owner.type === "Organization") shape.organization = userShape(ctx, owner);
    shape.network_count = 0;
    shape.subscribers_count = 0;
    if (opts.viewer) {
      const p = permissionOf(ctx.store, opts.viewer, repo);
      shape.permissions = {
        admin: p === "admin",
        maintain: p === "admin" || p === "maintain",
        push: p === "admin" || p === "maintain" || p === "write",
        triage: p !== null && p !== "read",
        pull: p !== null,
      };
    }
  }
  return shape;
}
