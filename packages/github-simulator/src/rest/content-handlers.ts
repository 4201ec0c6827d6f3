import { blobSha, filesAt, resolveCommit } from "../store/git-objects.js";
import { commitFiles } from "../store/git-writes.js";
import type { Repo } from "../store/model.js";
import { notFound, SimError } from "../store/sim-error.js";
import { commitShape } from "./git-shapes.js";
import { bodyOf, repoFor, stringField } from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

/** The Contents API on any branch: read a file or directory, create or update a file. */

function contentFile(
  req: RestRequest,
  repo: Repo,
  ref: string,
  path: string,
  text: string,
): Record<string, unknown> {
  const api = `${req.ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
  const html = `${req.ctx.htmlUrl}/${repo.owner}/${repo.name}/blob/${ref}/${path}`;
  const sha = blobSha(text);
  const self = `${api}/contents/${path}?ref=${ref}`;
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
    download_url: `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${ref}/${path}`,
    _links: { self, git: `${api}/git/blobs/${sha}`, html },
  };
}

function directoryListing(
  req: RestRequest,
  repo: Repo,
  ref: string,
  files: Record<string, string>,
  dir: string,
): Record<string, unknown>[] | null {
  const prefix = dir === "" ? "" : `${dir}/`;
  const entries = new Map<string, Record<string, unknown>>();
  const api = `${req.ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith(prefix)) continue;
    const [first, ...more] = path.slice(prefix.length).split("/");
    if (!first) continue;
    const childPath = `${prefix}${first}`;
    if (more.length === 0) {
      const { content: _c, encoding: _e, ...entry } = contentFile(req, repo, ref, path, text);
      entries.set(first, entry);
    } else if (!entries.has(first)) {
      const sha = blobSha(`tree ${childPath}`);
      const html = `${req.ctx.htmlUrl}/${repo.owner}/${repo.name}/tree/${ref}/${childPath}`;
      const self = `${api}/contents/${childPath}?ref=${ref}`;
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

function pathOf(req: RestRequest): string {
  return (req.params.path ?? "").replace(/^\/+|\/+$/g, "");
}

export const contentHandlers: Record<string, RestHandler> = {
  "repos/get-content": (req) => {
    const repo = repoFor(req);
    const ref = req.url.searchParams.get("ref") || repo.defaultBranch;
    const files = filesAt(repo, ref);
    if (!files) throw notFound(`No commit found for the ref ${ref}`);
    const path = pathOf(req);
    const text = files[path];
    if (text === undefined) {
      const listing = directoryListing(req, repo, ref, files, path);
      if (!listing) throw notFound();
      return { status: 200, body: listing };
    }
    if (RAW_MEDIA.test(String(req.headers.accept ?? ""))) {
      return {
        status: 200,
        text,
        headers: {
          "content-type": "application/vnd.github.v3.raw; charset=utf-8",
          "x-github-media-type": "github.v3; param=raw",
        },
      };
    }
    return { status: 200, body: contentFile(req, repo, ref, path, text) };
  },

  /** Like GitHub: updating needs the current blob `sha`; a stale one is a 409. */
  "repos/create-or-update-file-contents": (req) => {
    const repo = repoFor(req);
    const body = bodyOf(req);
    const branch = stringField(body, "branch") ?? repo.defaultBranch;
    const files = filesAt(repo, branch);
    if (!files || !resolveCommit(repo, `refs/heads/${branch}`)) throw notFound(`Branch ${branch} not found`);
    const path = pathOf(req);
    const current = files[path];
    const sha = stringField(body, "sha");
    if (current !== undefined && sha === undefined) {
      throw new SimError("UNPROCESSABLE", 'Invalid request.\n\n"sha" wasn\'t supplied.');
    }
    if (current !== undefined && sha !== blobSha(current)) {
      throw new SimError("CONFLICT", `${path} does not match ${sha}`);
    }
    const text = Buffer.from(stringField(body, "content") ?? "", "base64").toString("utf8");
    const commit = commitFiles(req.ctx.store, req.caller.login, repo, {
      branch,
      message: stringField(body, "message") ?? "",
      changes: { [path]: text },
    });
    const { encoding: _e, content: _c, ...content } = contentFile(req, repo, branch, path, text);
    return {
      status: current === undefined ? 201 : 200,
      body: { content, commit: commitShape(req.ctx, repo, commit) },
    };
  },
};
