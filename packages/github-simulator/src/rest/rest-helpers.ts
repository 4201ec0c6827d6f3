import { requireRead } from "../store/access.js";
import type { Comment, Issue, Repo } from "../store/model.js";
import { notFound, SimError } from "../store/sim-error.js";
import { isObject } from "./openapi-spec.js";
import type { RestRequest, RestResponse } from "./rest-types.js";

/** The repository named by `{owner}/{repo}`, if the caller may see it (404 otherwise). */
export function repoFor(req: RestRequest): Repo {
  const repo = req.ctx.store.findRepo(req.params.owner ?? "", req.params.repo ?? "");
  if (!repo) throw notFound();
  requireRead(req.ctx.store, req.caller.login, repo);
  return repo;
}

export function issueFor(req: RestRequest, repo: Repo): Issue {
  const issue = req.ctx.store.findIssue(repo, Number(req.params.issue_number));
  if (!issue) throw notFound();
  return issue;
}

export function commentFor(req: RestRequest, repo: Repo): { comment: Comment; issue: Issue } {
  const comment = req.ctx.store.findComment(Number(req.params.comment_id));
  if (!comment || comment.repoId !== repo.id) throw notFound();
  const issue = req.ctx.store.findIssue(repo, comment.issueNumber);
  if (!issue) throw notFound();
  return { comment, issue };
}

/** The JSON body as an object (validation already checked its shape). */
export function bodyOf(req: RestRequest): Record<string, unknown> {
  return isObject(req.body) ? req.body : {};
}

export function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

export function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item) => {
    if (typeof item === "string") return [item];
    if (isObject(item) && typeof item.name === "string") return [item.name];
    if (isObject(item) && typeof item.login === "string") return [item.login];
    return [];
  });
}

/**
 * One page of `items` by `per_page` (default 30, at most 100) and `page`, with a
 * GitHub-style `Link` header for the neighbouring pages.
 */
/** `shape`: what each item of the page is answered as (only the page's items are shaped). */
export function paginated<T>(
  req: RestRequest,
  items: T[],
  shape: (item: T) => unknown = (item) => item,
): RestResponse {
  const perPage = Math.min(Math.max(Number(req.url.searchParams.get("per_page") ?? 30) || 30, 1), 100);
  const page = Math.max(Number(req.url.searchParams.get("page") ?? 1) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const pageUrl = (n: number) => {
    const url = new URL(req.url.href);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(n));
    return url.href;
  };
  const links: string[] = [];
  if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(page - 1)}>; rel="prev"`);
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage).map(shape),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

export function sinceFilter(req: RestRequest): string | null {
  const since = req.url.searchParams.get("since");
  if (since === null) return null;
  const t = Date.parse(since);
  if (Number.isNaN(t)) {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      { resource: "Search", code: "invalid", field: "since", value: since },
    ]);
  }
  return new Date(t).toISOString();
}
