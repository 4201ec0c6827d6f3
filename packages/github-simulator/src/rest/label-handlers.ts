import { addLabels, removeLabels, requireTriage, setLabels } from "../store/issue-labels-assignees.js";
import { createLabel, ensureLabel, updateLabel } from "../store/label-writes.js";
import type { Issue, Repo } from "../store/model.js";
import { notFound, SimError } from "../store/sim-error.js";
import { labelShape } from "./issue-shapes.js";
import { isObject } from "./openapi-spec.js";
import { bodyOf, issueFor, paginated, repoFor, stringField, stringList } from "./rest-helpers.js";
import type { RestHandler, RestRequest, RestResponse } from "./rest-types.js";

/** add-labels and set-labels take `{ labels: [...] }`, a bare array, or a single name. */
function labelNames(body: unknown): string[] {
  if (typeof body === "string") return [body];
  if (Array.isArray(body)) return stringList(body) ?? [];
  if (isObject(body)) {
    if (typeof body.labels === "string") return [body.labels];
    return stringList(body.labels) ?? [];
  }
  return [];
}

function issueLabels(req: RestRequest, repo: Repo, issue: Issue): RestResponse {
  return {
    status: 200,
    body: issue.labelIds.map((id) => labelShape(req.ctx, repo, req.ctx.store.labelById(repo, id))),
  };
}

function labelByName(req: RestRequest, repo: Repo) {
  const label = req.ctx.store.findLabel(repo, req.params.name ?? "");
  if (!label) throw notFound();
  return label;
}

export const labelHandlers: Record<string, RestHandler> = {
  "issues/add-labels": (req) => {
    const { store } = req.ctx;
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    requireTriage(store, req.caller.login, repo);
    const labels = labelNames(req.body).map((name) => ensureLabel(store, req.caller.login, repo, name));
    addLabels(store, req.caller.login, repo, issue, labels);
    return issueLabels(req, repo, issue);
  },

  "issues/set-labels": (req) => {
    const { store } = req.ctx;
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    requireTriage(store, req.caller.login, repo);
    const labels = labelNames(req.body).map((name) => ensureLabel(store, req.caller.login, repo, name));
    setLabels(store, req.caller.login, repo, issue, labels);
    return issueLabels(req, repo, issue);
  },

  "issues/remove-label": (req) => {
    const { store } = req.ctx;
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    requireTriage(store, req.caller.login, repo);
    const label = store.findLabel(repo, req.params.name ?? "");
    if (!label || !issue.labelIds.includes(label.id)) throw notFound("Label does not exist");
    removeLabels(store, req.caller.login, repo, issue, [label]);
    return issueLabels(req, repo, issue);
  },

  "issues/remove-all-labels": (req) => {
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    setLabels(req.ctx.store, req.caller.login, repo, issue, []);
    return { status: 204 };
  },

  "issues/list-labels-on-issue": (req) => {
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    return paginated(req, issueLabels(req, repo, issue).body as unknown[]);
  },

  "issues/list-labels-for-repo": (req) => {
    const repo = repoFor(req);
    return paginated(
      req,
      repo.labels.map((label) => labelShape(req.ctx, repo, label)),
    );
  },

  "issues/get-label": (req) => {
    const repo = repoFor(req);
    return { status: 200, body: labelShape(req.ctx, repo, labelByName(req, repo)) };
  },

  "issues/create-label": (req) => {
    const repo = repoFor(req);
    const body = bodyOf(req);
    const name = stringField(body, "name");
    if (!name) {
      throw new SimError("UNPROCESSABLE", "Validation Failed", [
        { resource: "Label", code: "missing_field", field: "name" },
      ]);
    }
    const label = createLabel(req.ctx.store, req.caller.login, repo, {
      name,
      color: stringField(body, "color"),
      description: stringField(body, "description") ?? null,
    });
    return { status: 201, body: labelShape(req.ctx, repo, label) };
  },

  "issues/update-label": (req) => {
    const repo = repoFor(req);
    const label = labelByName(req, repo);
    const body = bodyOf(req);
    updateLabel(req.ctx.store, req.caller.login, repo, label, {
      newName: stringField(body, "new_name"),
      color: stringField(body, "color"),
      description: "description" in body ? (stringField(body, "description") ?? null) : undefined,
    });
    return { status: 200, body: labelShape(req.ctx, repo, label) };
  },
};
