import { blobSha, filesAt } from "../store/git-objects.js";
import type { Issue, Repo } from "../store/model.js";
import {
  createPull,
  type MergeMethod,
  mergePull,
  requestReviewers,
  updatePull,
} from "../store/pull-writes.js";
import { notFound } from "../store/sim-error.js";
import { pullFiles, pullShape, pullSimpleShape } from "./pull-shapes.js";
import { bodyOf, paginated, repoFor, stringField, stringList } from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

/** Pull requests: create, get, list, update, merge, files, requested reviewers. */

function pullFor(req: RestRequest, repo: Repo): Issue {
  const issue = req.ctx.store.findIssue(repo, Number(req.params.pull_number));
  if (!issue?.pull) throw notFound();
  return issue;
}

function listPulls(req: RestRequest, repo: Repo): Issue[] {
  const q = req.url.searchParams;
  const state = q.get("state") ?? "open";
  const head = q.get("head")?.replace(/^[^:]+:/, "");
  const base = q.get("base");
  const direction = q.get("direction") === "asc" ? 1 : -1;
  const key = (issue: Issue) => Date.parse(q.get("sort") === "updated" ? issue.updatedAt : issue.createdAt);
  return repo.issues
    .filter((issue) => issue.pull)
    .filter((issue) => state === "all" || issue.state === state)
    .filter((issue) => !head || issue.pull?.headRef === head)
    .filter((issue) => !base || issue.pull?.baseRef === base)
    .sort((a, b) => direction * (key(a) - key(b) || a.number - b.number));
}

export const pullHandlers: Record<string, RestHandler> = {
  "pulls/create": (req) => {
    const repo = repoFor(req);
    const body = bodyOf(req);
    const issue = createPull(req.ctx.store, req.caller.login, repo, {
      title: stringField(body, "title") ?? "",
      body: stringField(body, "body") ?? null,
      head: stringField(body, "head") ?? "",
      base: stringField(body, "base") ?? "",
      draft: body.draft === true,
    });
    return { status: 201, body: pullShape(req.ctx, repo, issue) };
  },

  "pulls/get": (req) => {
    const repo = repoFor(req);
    return { status: 200, body: pullShape(req.ctx, repo, pullFor(req, repo)) };
  },

  "pulls/list": (req) => {
    const repo = repoFor(req);
    return paginated(
      req,
      listPulls(req, repo).map((issue) => pullSimpleShape(req.ctx, repo, issue)),
    );
  },

  "pulls/update": (req) => {
    const repo = repoFor(req);
    const issue = pullFor(req, repo);
    const body = bodyOf(req);
    const state = stringField(body, "state");
    updatePull(req.ctx.store, req.caller.login, repo, issue, {
      title: stringField(body, "title"),
      body: "body" in body ? (stringField(body, "body") ?? null) : undefined,
      state: state === "open" || state === "closed" ? state : undefined,
      base: stringField(body, "base"),
    });
    return { status: 200, body: pullShape(req.ctx, repo, issue) };
  },

  "pulls/merge": (req) => {
    const repo = repoFor(req);
    const issue = pullFor(req, repo);
    const body = bodyOf(req);
    const method = stringField(body, "merge_method");
    const sha = mergePull(req.ctx.store, req.caller.login, repo, issue, {
      method: method === "squash" || method === "rebase" ? (method as MergeMethod) : "merge",
      sha: stringField(body, "sha"),
      title: stringField(body, "commit_title"),
      message: stringField(body, "commit_message"),
    });
    return { status: 200, body: { sha, merged: true, message: "Pull Request successfully merged" } };
  },

  "pulls/list-files": (req) => {
    const repo = repoFor(req);
    const issue = pullFor(req, repo);
    const head = filesAt(repo, issue.pull?.mergeCommitSha ?? issue.pull?.headSha) ?? {};
    const api = `${req.ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
    const html = `${req.ctx.htmlUrl}/${repo.owner}/${repo.name}`;
    const ref = issue.pull?.headSha ?? "";
    const files = pullFiles(repo, issue).map((filename) => {
      const text = head[filename];
      return {
        sha: text === undefined ? null : blobSha(text),
        filename,
        status: text === undefined ? "removed" : "modified",
        additions: text === undefined ? 0 : text.split("\n").length,
        deletions: 0,
        changes: text === undefined ? 0 : text.split("\n").length,
        blob_url: `${html}/blob/${ref}/${filename}`,
        raw_url: `${html}/raw/${ref}/${filename}`,
        contents_url: `${api}/contents/${filename}?ref=${ref}`,
      };
    });
    return paginated(req, files);
  },

  "pulls/request-reviewers": (req) => {
    const repo = repoFor(req);
    const issue = pullFor(req, repo);
    const body = bodyOf(req);
    requestReviewers(
      req.ctx.store,
      req.caller.login,
      repo,
      issue,
      stringList(body.reviewers) ?? [],
      stringList(body.team_reviewers) ?? [],
    );
    return { status: 201, body: pullSimpleShape(req.ctx, repo, issue) };
  },

  "pulls/list-requested-reviewers": (req) => {
    const repo = repoFor(req);
    const issue = pullFor(req, repo);
    const { requested_reviewers } = pullSimpleShape(req.ctx, repo, issue);
    return { status: 200, body: { users: requested_reviewers, teams: [] } };
  },
};
