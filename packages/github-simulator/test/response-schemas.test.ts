import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPLEMENTED_OPERATIONS } from "../src/rest/rest-api.js";
import { schemaValidator } from "../src/rest/schema-validator.js";
import type { Simulator } from "../src/simulator.js";
import { exerciseCodeOperations } from "./code-operations.js";
import { rawRequest, seededSimulator } from "./support.js";

const JWT = "a.b.c";
const repo = { owner: "acme", repo: "svc" };
let sim: Simulator;
const responses = new Map<string, { status: number; data: unknown }>();

/** Calls every implemented operation once (as people and as the app) and keeps the response. */
beforeAll(async () => {
  sim = await seededSimulator();
  const alice = sim.as("alice");
  const keep = (op: string, r: { status: number; data: unknown }) => responses.set(op, r);
  const installationId = (sim.snapshot() as { installations: { id: number }[] }).installations[0]?.id;
  const app = await rawRequest(sim, "GET", "/app", { token: JWT });
  keep("apps/get-authenticated", { status: app.status, data: app.body });
  const token = await rawRequest(sim, "POST", `/app/installations/${installationId}/access_tokens`, {
    token: JWT,
    body: {},
  });
  keep("apps/create-installation-access-token", { status: token.status, data: token.body });
  const installations = await rawRequest(sim, "GET", "/app/installations", { token: JWT });
  keep("apps/list-installations", { status: installations.status, data: installations.body });
  const repoInstallation = await rawRequest(sim, "GET", `/repos/${repo.owner}/${repo.repo}/installation`, {
    token: JWT,
  });
  keep("apps/get-repo-installation", { status: repoInstallation.status, data: repoInstallation.body });
  const installationToken = (token.body as { token: string }).token;
  const repos = await rawRequest(sim, "GET", "/installation/repositories", { token: installationToken });
  keep("apps/list-repos-accessible-to-installation", { status: repos.status, data: repos.body });
  const installation = await rawRequest(sim, "GET", "/repos/acme/svc/installation", { token: JWT });
  keep("apps/get-repo-installation", { status: installation.status, data: installation.body });
  keep("repos/check-collaborator", await alice.rest.repos.checkCollaborator({ ...repo, username: "alice" }));
  keep("repos/get", await alice.rest.repos.get(repo));
  keep("repos/get-content", await alice.rest.repos.getContent({ ...repo, path: ".github/incident.yml" }));
  keep("users/get-by-username", await alice.rest.users.getByUsername({ username: "alice" }));
  const created = await alice.rest.issues.create({
    ...repo,
    title: "t",
    body: "b",
    labels: ["l"],
    assignees: ["carl"],
  });
  keep("issues/create", created);
  const issue_number = created.data.number;
  keep("issues/get", await alice.rest.issues.get({ ...repo, issue_number }));
  keep("issues/update", await alice.rest.issues.update({ ...repo, issue_number, state: "closed" }));
  keep("issues/list-for-repo", await alice.rest.issues.listForRepo({ ...repo, state: "all" }));
  const comment = await alice.rest.issues.createComment({ ...repo, issue_number, body: "c" });
  keep("issues/create-comment", comment);
  const comment_id = comment.data.id;
  keep("issues/get-comment", await alice.rest.issues.getComment({ ...repo, comment_id }));
  keep("issues/update-comment", await alice.rest.issues.updateComment({ ...repo, comment_id, body: "d" }));
  keep("issues/list-comments", await alice.rest.issues.listComments({ ...repo, issue_number }));
  keep("issues/add-labels", await alice.rest.issues.addLabels({ ...repo, issue_number, labels: ["m"] }));
  keep("issues/remove-label", await alice.rest.issues.removeLabel({ ...repo, issue_number, name: "m" }));
  keep("issues/set-labels", await alice.rest.issues.setLabels({ ...repo, issue_number, labels: ["n"] }));
  keep("issues/list-labels-on-issue", await alice.rest.issues.listLabelsOnIssue({ ...repo, issue_number }));
  keep(
    "issues/add-assignees",
    await alice.rest.issues.addAssignees({ ...repo, issue_number, assignees: ["alice"] }),
  );
  keep(
    "issues/remove-assignees",
    await alice.rest.issues.removeAssignees({ ...repo, issue_number, assignees: ["alice"] }),
  );
  keep("issues/list-labels-for-repo", await alice.rest.issues.listLabelsForRepo(repo));
  keep(
    "issues/create-label",
    await alice.rest.issues.createLabel({ ...repo, name: "new", description: "d" }),
  );
  keep("issues/update-label", await alice.rest.issues.updateLabel({ ...repo, name: "new", color: "00ff00" }));
  keep("issues/get-label", await alice.rest.issues.getLabel({ ...repo, name: "new" }));
  keep(
    "reactions/create-for-issue-comment",
    await alice.rest.reactions.createForIssueComment({ ...repo, comment_id, content: "heart" }),
  );
  keep(
    "reactions/create-for-issue",
    await alice.rest.reactions.createForIssue({ ...repo, issue_number, content: "+1" }),
  );
  keep("reactions/list-for-issue", await alice.rest.reactions.listForIssue({ ...repo, issue_number }));
  keep(
    "reactions/list-for-issue-comment",
    await alice.rest.reactions.listForIssueComment({ ...repo, comment_id }),
  );
  keep("issues/remove-all-labels", await alice.rest.issues.removeAllLabels({ ...repo, issue_number }));
  keep("issues/delete-comment", await alice.rest.issues.deleteComment({ ...repo, comment_id }));
  await exerciseCodeOperations(sim, alice, keep);
});
afterAll(() => sim.close());

describe("REST responses match GitHub's response schemas", () => {
  it("exercises every implemented operation", () => {
    expect([...responses.keys()].sort()).toEqual([...IMPLEMENTED_OPERATIONS].sort());
  });

  it.each([...IMPLEMENTED_OPERATIONS])("%s", (operationId) => {
    const response = responses.get(operationId);
    if (!response) throw new Error(`no response recorded for ${operationId}`);
    if (response.status === 204) return;
    expect(schemaValidator().responseErrors(operationId, response.status, response.data)).toEqual([]);
  });
});
