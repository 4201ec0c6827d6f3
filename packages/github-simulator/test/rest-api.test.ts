import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../src/simulator.js";
import { blobSha } from "../src/store/git-objects.js";
import { rawRequest, seededSimulator } from "./support.js";

let sim: Simulator;
const repo = { owner: "acme", repo: "svc" };

beforeAll(async () => {
  sim = await seededSimulator();
});
afterAll(() => sim.close());

describe("REST error shapes", () => {
  it("answers 404 for unknown routes", async () => {
    const res = await rawRequest(sim, "GET", "/nowhere/at/all");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "Not Found", documentation_url: "https://docs.github.com/rest" });
  });

  it("answers 422 for bodies the spec rejects", async () => {
    const res = await rawRequest(sim, "POST", "/repos/acme/svc/issues", { body: { body: "no title" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      message: "Invalid request.",
      documentation_url: "https://docs.github.com/rest",
      errors: [expect.objectContaining({ code: "required" })],
    });
  });

  it("answers 501 loudly for spec operations without a handler", async () => {
    const res = await rawRequest(sim, "GET", "/repos/acme/svc/releases");
    expect(res.status).toBe(501);
    expect(res.body).toMatchObject({
      message: "simulator: operation repos/list-releases is not implemented",
    });
  });

  it("answers 404 for missing repositories, issues and private repositories", async () => {
    sim.createRepo({ owner: "olivia", name: "secret", private: true });
    await expect(sim.as("alice").rest.repos.get({ owner: "acme", repo: "nope" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(sim.as("alice").rest.issues.get({ ...repo, issue_number: 999 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(sim.as("oscar").rest.repos.get({ owner: "olivia", repo: "secret" })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("issues, labels and comments", () => {
  it("creates, reads, updates and lists issues", async () => {
    const alice = sim.as("alice");
    const { data: created, status } = await alice.rest.issues.create({
      ...repo,
      title: "API down",
      body: "x",
    });
    expect(status).toBe(201);
    expect(created).toMatchObject({ title: "API down", state: "open", author_association: "MEMBER" });
    expect(created.created_at).toBe("2026-02-03T14:23:00Z");
    sim.clock.advance(60_000);
    const { data: closed } = await alice.rest.issues.update({
      ...repo,
      issue_number: created.number,
      title: "API down (resolved)",
      state: "closed",
      state_reason: "not_planned",
    });
    expect(closed).toMatchObject({
      state: "closed",
      state_reason: "not_planned",
      closed_at: "2026-02-03T14:24:00Z",
    });
    expect(closed.closed_by?.login).toBe("alice");
    const { data: reopened } = await alice.rest.issues.update({
      ...repo,
      issue_number: created.number,
      state: "open",
    });
    expect(reopened).toMatchObject({ state: "open", state_reason: "reopened", closed_at: null });
    const { data: open } = await alice.rest.issues.listForRepo({ ...repo, state: "open" });
    expect(open.map((i) => i.number)).toContain(created.number);
  });

  it("creates unknown labels with GitHub's default colour when labelling", async () => {
    const alice = sim.as("alice");
    const { data: issue } = await alice.rest.issues.create({ ...repo, title: "t" });
    const { data: labels } = await alice.rest.issues.addLabels({
      ...repo,
      issue_number: issue.number,
      labels: ["sev:1", "incident"],
    });
    expect(labels.map((l) => [l.name, l.color])).toEqual([
      ["sev:1", "ededed"],
      ["incident", "ededed"],
    ]);
    const { data: after } = await alice.rest.issues.removeLabel({
      ...repo,
      issue_number: issue.number,
      name: "sev:1",
    });
    expect(after.map((l) => l.name)).toEqual(["incident"]);
    const { data: set } = await alice.rest.issues.setLabels({
      ...repo,
      issue_number: issue.number,
      labels: ["a"],
    });
    expect(set.map((l) => l.name)).toEqual(["a"]);
  });

  it("manages repository labels: create, 422 already_exists, get, update", async () => {
    const carl = sim.as("carl");
    const { data: label, status } = await carl.rest.issues.createLabel({
      ...repo,
      name: "sev:2",
      color: "FF0000",
    });
    expect(status).toBe(201);
    expect(label).toMatchObject({ name: "sev:2", color: "ff0000", default: false });
    await expect(carl.rest.issues.createLabel({ ...repo, name: "SEV:2" })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ resource: "Label", code: "already_exists", field: "name" }] } },
    });
    const { data: updated } = await carl.rest.issues.updateLabel({
      ...repo,
      name: "sev:2",
      new_name: "sev-2",
    });
    expect(updated.name).toBe("sev-2");
    expect((await carl.rest.issues.getLabel({ ...repo, name: "sev-2" })).data.id).toBe(label.id);
    const { data: all } = await carl.rest.issues.listLabelsForRepo({ ...repo, per_page: 100 });
    expect(all.map((l) => l.name)).toContain("sev-2");
  });

  it("creates, edits, lists and deletes comments", async () => {
    const alice = sim.as("alice");
    const { data: issue } = await alice.rest.issues.create({ ...repo, title: "comments" });
    const { data: c1 } = await alice.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: "one",
    });
    const { data: c2 } = await alice.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: "two",
    });
    const { data: edited } = await alice.rest.issues.updateComment({
      ...repo,
      comment_id: c1.id,
      body: "uno",
    });
    expect(edited.body).toBe("uno");
    expect((await alice.rest.issues.getComment({ ...repo, comment_id: c2.id })).data.body).toBe("two");
    await alice.rest.issues.deleteComment({ ...repo, comment_id: c2.id });
    const { data: list } = await alice.rest.issues.listComments({ ...repo, issue_number: issue.number });
    expect(list.map((c) => c.body)).toEqual(["uno"]);
    expect((await alice.rest.issues.get({ ...repo, issue_number: issue.number })).data.comments).toBe(1);
  });

  it("paginates lists with a Link header", async () => {
    const alice = sim.as("alice");
    const { data: issue } = await alice.rest.issues.create({ ...repo, title: "many comments" });
    for (let i = 0; i < 5; i++) {
      await alice.rest.issues.createComment({ ...repo, issue_number: issue.number, body: `c${i}` });
    }
    const page = await alice.rest.issues.listComments({ ...repo, issue_number: issue.number, per_page: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.headers.link).toContain('rel="next"');
    const all = await alice.paginate(alice.rest.issues.listComments, {
      ...repo,
      issue_number: issue.number,
      per_page: 2,
    });
    expect(all.map((c) => c.body)).toEqual(["c0", "c1", "c2", "c3", "c4"]);
  });

  it("filters issues by labels (all of them), state and since", async () => {
    const alice = sim.as("alice");
    const { data: a } = await alice.rest.issues.create({ ...repo, title: "f1", labels: ["x", "y"] });
    await alice.rest.issues.create({ ...repo, title: "f2", labels: ["x"] });
    const { data: both } = await alice.rest.issues.listForRepo({ ...repo, labels: "x,y" });
    expect(both.map((i) => i.number)).toEqual([a.number]);
    sim.clock.advance(3600_000);
    const since = sim.clock.now().toISOString();
    expect((await alice.rest.issues.listForRepo({ ...repo, since, state: "all" })).data).toEqual([]);
  });

  it("adds reactions idempotently: 201 then 200", async () => {
    const alice = sim.as("alice");
    const { data: issue } = await alice.rest.issues.create({ ...repo, title: "reactions" });
    const { data: comment } = await alice.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: "hi",
    });
    const first = await alice.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.id,
      content: "eyes",
    });
    const again = await alice.rest.reactions.createForIssueComment({
      ...repo,
      comment_id: comment.id,
      content: "eyes",
    });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.data.id).toBe(first.data.id);
    const onIssue = await alice.rest.reactions.createForIssue({
      ...repo,
      issue_number: issue.number,
      content: "+1",
    });
    expect(onIssue.status).toBe(201);
    const { data: list } = await alice.rest.reactions.listForIssueComment({
      ...repo,
      comment_id: comment.id,
    });
    expect(list.map((r) => [r.user?.login, r.content])).toEqual([["alice", "eyes"]]);
    const { data: fresh } = await alice.rest.issues.getComment({ ...repo, comment_id: comment.id });
    expect(fresh.reactions?.eyes).toBe(1);
  });

  it("assigns and unassigns", async () => {
    const alice = sim.as("alice");
    const { data: issue } = await alice.rest.issues.create({ ...repo, title: "assign" });
    const { data: a } = await alice.rest.issues.addAssignees({
      ...repo,
      issue_number: issue.number,
      assignees: ["carl"],
    });
    expect(a.assignees?.map((u) => u.login)).toEqual(["carl"]);
    const { data: b } = await alice.rest.issues.removeAssignees({
      ...repo,
      issue_number: issue.number,
      assignees: ["carl"],
    });
    expect(b.assignees).toEqual([]);
  });
});

describe("contents", () => {
  it("serves files on the default branch as base64 with the git blob sha", async () => {
    const { data } = await sim.as("alice").rest.repos.getContent({ ...repo, path: ".github/incident.yml" });
    if (Array.isArray(data) || data.type !== "file") throw new Error("expected a file");
    expect(Buffer.from(data.content, "base64").toString("utf8")).toBe("severities: [SEV1, SEV2]\n");
    expect(data).toMatchObject({ encoding: "base64", sha: blobSha("severities: [SEV1, SEV2]\n") });
  });

  it("serves raw contents for the raw media type (Probot's config loader)", async () => {
    const res = await rawRequest(sim, "GET", "/repos/acme/.github/contents/.github%2Fincident.yml", {
      accept: "application/vnd.github.v3.raw",
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe("org: true\n");
  });

  it("answers 404 for missing files and unknown refs", async () => {
    const alice = sim.as("alice");
    await expect(alice.rest.repos.getContent({ ...repo, path: "nope.yml" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      alice.rest.repos.getContent({ ...repo, path: ".github/incident.yml", ref: "other" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
