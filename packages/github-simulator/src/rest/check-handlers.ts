import type { SimContext } from "../sim-context.js";
import { type CheckInput, createCheckRun, updateCheckRun } from "../store/check-writes.js";
import type { CheckConclusion, CheckRun, CheckStatus } from "../store/code-model.js";
import { resolveCommit } from "../store/git-objects.js";
import type { Repo } from "../store/model.js";
import { notFound } from "../store/sim-error.js";
import { integrationShape } from "./account-shapes.js";
import { isObject } from "./openapi-spec.js";
import { bodyOf, repoFor, stringField } from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

/** Check runs: create, update, get, list for a ref. */

export function checkRunShape(ctx: SimContext, repo: Repo, run: CheckRun): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}`;
  const html = `${ctx.htmlUrl}/${repo.owner}/${repo.name}/runs/${run.id}`;
  const pulls = repo.issues.filter((i) => i.pull && i.state === "open" && i.pull.headSha === run.headSha);
  return {
    id: run.id,
    node_id: run.nodeId,
    head_sha: run.headSha,
    external_id: run.externalId ?? "",
    url: `${api}/check-runs/${run.id}`,
    html_url: html,
    details_url: run.detailsUrl ?? html,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.title,
      summary: run.summary,
      text: run.text,
      annotations_count: 0,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.suiteId },
    app: integrationShape(ctx),
    pull_requests: pulls.map((issue) => ({
      id: issue.id,
      number: issue.number,
      url: `${api}/pulls/${issue.number}`,
      head: {
        ref: issue.pull?.headRef,
        sha: issue.pull?.headSha,
        repo: { id: repo.id, url: api, name: repo.name },
      },
      base: {
        ref: issue.pull?.baseRef,
        sha: resolveCommit(repo, issue.pull?.baseRef)?.sha ?? "",
        repo: { id: repo.id, url: api, name: repo.name },
      },
    })),
  };
}

function input(req: RestRequest): CheckInput {
  const body = bodyOf(req);
  const output = isObject(body.output) ? body.output : {};
  const field = (value: unknown) => (typeof value === "string" ? value : undefined);
  return {
    name: stringField(body, "name"),
    headSha: stringField(body, "head_sha"),
    status: stringField(body, "status") as CheckStatus | undefined,
    conclusion: stringField(body, "conclusion") as CheckConclusion | undefined,
    title: field(output.title),
    summary: field(output.summary),
    text: field(output.text),
    detailsUrl: stringField(body, "details_url"),
    externalId: stringField(body, "external_id"),
    startedAt: stringField(body, "started_at"),
    completedAt: stringField(body, "completed_at"),
  };
}

function runFor(req: RestRequest, repo: Repo): CheckRun {
  const run = repo.checkRuns.find((r) => r.id === Number(req.params.check_run_id));
  if (!run) throw notFound();
  return run;
}

export const checkHandlers: Record<string, RestHandler> = {
  "checks/create": (req) => {
    const repo = repoFor(req);
    const run = createCheckRun(req.ctx.store, req.caller.login, repo, input(req));
    return { status: 201, body: checkRunShape(req.ctx, repo, run) };
  },

  "checks/update": (req) => {
    const repo = repoFor(req);
    const run = updateCheckRun(req.ctx.store, req.caller.login, repo, runFor(req, repo).id, input(req));
    return { status: 200, body: checkRunShape(req.ctx, repo, run) };
  },

  "checks/get": (req) => {
    const repo = repoFor(req);
    return { status: 200, body: checkRunShape(req.ctx, repo, runFor(req, repo)) };
  },

  /** `filter=latest` (the default) keeps the newest run per name and app. */
  "checks/list-for-ref": (req) => {
    const repo = repoFor(req);
    const commit = resolveCommit(repo, req.params.ref);
    if (!commit) throw notFound(`No commit found for SHA: ${req.params.ref}`);
    const q = req.url.searchParams;
    const name = q.get("check_name");
    const status = q.get("status");
    let runs = repo.checkRuns
      .filter((run) => run.headSha === commit.sha)
      .filter((run) => !name || run.name === name)
      .filter((run) => !status || run.status === status);
    if (q.get("filter") !== "all") {
      runs = runs.filter(
        (run) => !runs.some((other) => other.name === run.name && other.app === run.app && other.id > run.id),
      );
    }
    runs.sort((a, b) => b.id - a.id);
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: runs.map((run) => checkRunShape(req.ctx, repo, run)) },
    };
  },
};
