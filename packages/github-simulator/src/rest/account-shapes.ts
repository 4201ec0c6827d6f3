import { APP_EVENTS, APP_PERMISSIONS, type SimContext } from "../sim-context.js";
import type { Account, Installation } from "../store/model.js";

/** `simple-user`, as embedded in issues, comments and webhooks. */
export function userShape(ctx: SimContext, account: Account): Record<string, unknown> {
  // GitHub percent-encodes a bot's login in its URLs (`incident-bot%5Bbot%5D`).
  const api = `${ctx.apiUrl}/users/${encodeURIComponent(account.login)}`;
  const html =
    account.type === "Bot"
      ? `${ctx.htmlUrl}/apps/${account.login.replace(/\[bot\]$/, "")}`
      : `${ctx.htmlUrl}/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: account.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: html,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `public-user`, from GET /users/{username}. */
export function publicUserShape(ctx: SimContext, account: Account): Record<string, unknown> {
  return {
    ...userShape(ctx, account),
    name: account.name,
    company: null,
    blog: "",
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: ctx.store.state.repos.filter((r) => r.owner === account.login && !r.private).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: account.createdAt,
    updated_at: account.createdAt,
  };
}

/** `organization-simple`, the `organization` key of webhooks from org repositories. */
export function orgShape(ctx: SimContext, account: Account): Record<string, unknown> {
  const api = `${ctx.apiUrl}/orgs/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: account.nodeId,
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    description: null,
  };
}

/** `integration`, from GET /app. */
export function integrationShape(ctx: SimContext): Record<string, unknown> {
  const owner = ctx.store.requireAccount(ctx.app.ownerLogin);
  return {
    id: ctx.app.id,
    slug: ctx.app.slug,
    node_id: `A_${ctx.app.id}`,
    client_id: `Iv1.sim${ctx.app.id}`,
    owner: userShape(ctx, owner),
    name: ctx.app.name,
    description: "Simulated GitHub App",
    external_url: `${ctx.htmlUrl}/apps/${ctx.app.slug}`,
    html_url: `${ctx.htmlUrl}/apps/${ctx.app.slug}`,
    created_at: ctx.app.createdAt,
    updated_at: ctx.app.createdAt,
    permissions: { ...APP_PERMISSIONS },
    events: [...APP_EVENTS],
    installations_count: ctx.store.state.installations.length,
  };
}

/** `installation`, the full object of `installation.*` webhooks. */
export function installationShape(ctx: SimContext, installation: Installation): Record<string, unknown> {
  const account = ctx.store.requireAccount(installation.account);
  return {
    id: installation.id,
    node_id: installation.nodeId,
    account: userShape(ctx, account),
    repository_selection: "selected",
    access_tokens_url: `${ctx.apiUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${ctx.apiUrl}/installation/repositories`,
    html_url: `${ctx.htmlUrl}/settings/installations/${installation.id}`,
    app_id: ctx.app.id,
    app_slug: ctx.app.slug,
    target_id: account.id,
    target_type: account.type === "Organization" ? "Organization" : "User",
    permissions: { ...APP_PERMISSIONS },
    events: [...APP_EVENTS],
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_at: null,
    suspended_by: null,
  };
}
