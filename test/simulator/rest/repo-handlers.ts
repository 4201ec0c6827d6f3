import { APP_PERMISSIONS } from "../sim-context.js";
import { blobSha, resolvesToHead } from "../store/git-objects.js";
import type { Repo } from "../store/model.js";
import { notFound, SimError } from "../store/sim-error.js";
import { integrationShape, publicUserShape } from "./account-shapes.js";
import { repoShape } from "./repo-shapes.js";
import { repoFor } from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

function requireAppJwt(req: RestRequest): void {
  if (req.caller.kind !== "app") {
    throw new SimError("UNAUTHORIZED", "A JSON web token could not be decoded");
  }
}

function contentFile(req: RestRequest, repo: Repo, path: string, text: string): Record<string, unknown> {
  const api = `${req.ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
  const html = `${req.ctx.htmlUrl}/${repo.owner}/${repo.name}/blob/${repo.defaultBranch}/${path}`;
  const sha = blobSha(text);
  const self = `${api}/contents/${path}?ref=${repo.defaultBranch}`;
  const base64 = Buffer.from(text, "utf8").toString("base64");
  return {
    type: "file",
    encoding: "base64",
    size: Buffer.byteLength(text, "utf8"),
    name: path.split("/").pop() ?? path,
    path,
    // GitHub wraps the base64 at 60 characters.
    content: `${base64.replace(/(.{60})/g, "$1\n")}\n`,
    sha,
    url: self,
    git_url: `${api}/git/blobs/${sha}`,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${repo.defaultBranch}/${path}`,
    _links: { self, git: `${api}/git/blobs/${sha}`, html },
  };
}

function directoryListing(req: RestRequest, repo: Repo, dir: string): Record<string, unknown>[] | null {
  const prefix = dir === "" ? "" : `${dir}/`;
  const entries = new Map<string, Record<string, unknown>>();
  for (const [path, text] of Object.entries(repo.files)) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const [first, ...more] = rest.split("/");
    if (!first) continue;
    const childPath = `${prefix}${first}`;
    if (more.length === 0) {
      const { content: _c, encoding: _e, ...entry } = contentFile(req, repo, path, text);
      entries.set(first, entry);
    } else if (!entries.has(first)) {
      const api = `${req.ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
      const sha = blobSha(`tree ${childPath}`);
      const html = `${req.ctx.htmlUrl}/${repo.owner}/${repo.name}/tree/${repo.defaultBranch}/${childPath}`;
      const self = `${api}/contents/${childPath}?ref=${repo.defaultBranch}`;
      entries.set(first, {
        type: "dir",
        size: 0,
        name: first,
        path: childPath,
        sha,
        url: self,
        git_url: `${api}/git/trees/${sha}`,
        html_url: html,
        download_url: null,
        _links: { self, git: `${api}/git/trees/${sha}`, html },
      });
    }
  }
  return entries.size > 0 || dir === "" ? [...entries.values()] : null;
}

const RAW_MEDIA = /application\/vnd\.github(\.v3)?\.raw/;

export const repoHandlers: Record<string, RestHandler> = {
  "apps/get-authenticated": (req) => {
    requireAppJwt(req);
    return { status: 200, body: integrationShape(req.ctx) };
  },

  "apps/create-installation-access-token": (req) => {
    requireAppJwt(req);
    const installation = req.ctx.store.installationById(Number(req.params.installation_id));
    if (!installation) throw notFound();
    const token = req.ctx.tokens.issue(installation.id);
    const repositories = installation.repoIds.map((id) => repoShape(req.ctx, req.ctx.store.repoById(id)));
    return {
      status: 201,
      body: {
        token,
        // Real time, not the simulated clock: Probot caches the token by its expiry.
        expires_at: `${new Date(Date.now() + 3600_000).toISOString().slice(0, 19)}Z`,
        permissions: { ...APP_PERMISSIONS },
        repository_selection: "selected",
        repositories,
      },
    };
  },

  "repos/get": (req) => ({
    status: 200,
    body: repoShape(req.ctx, repoFor(req), { full: true, viewer: req.caller.login }),
  }),

  "repos/get-content": (req) => {
    const repo = repoFor(req);
    const ref = req.url.searchParams.get("ref");
    if (!resolvesToHead(repo, ref)) throw notFound(`No commit found for the ref ${ref}`);
    const path = (req.params.path ?? "").replace(/^\/+|\/+$/g, "");
    const text = repo.files[path];
    if (text === undefined) {
      const listing = directoryListing(req, repo, path);
      if (!listing) throw notFound();
      return { status: 200, body: listing };
    }
    if (RAW_MEDIA.test(String(req.headers.accept ?? ""))) {
      return { status: 200, text, headers: { "content-type": "text/plain; charset=utf-8" } };
    }
    return { status: 200, body: contentFile(req, repo, path, text) };
  },

  "users/get-by-username": (req) => {
    const account = req.ctx.store.account(req.params.username ?? "");
    if (!account) throw notFound();
    return { status: 200, body: publicUserShape(req.ctx, account) };
  },
};
