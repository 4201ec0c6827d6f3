import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asOctokit } from "../../src/github/client.js";
import { type Deferred, deferredMutation, gitBlobSha, publishFiles } from "../../src/github/publish-files.js";
import { TestOctokit } from "../support/probot.js";

const API = "https://api.github.com";
const REPO = "/repos/acme/shop";
const octokit = () => asOctokit(new TestOctokit());

const files = [
  { path: "status/index.html", content: "<h1>All good</h1>\n" },
  { path: "status/feed.xml", content: "<feed/>\n" },
];
const input = { owner: "acme", repo: "shop", branch: "gh-pages", files, message: "Status: INC-1 identified" };

/** A gh-pages branch at commit c1 whose `status/` folder holds `status` (path → content). */
function existingBranch(scope: nock.Scope, status: Record<string, string>) {
  return scope
    .get(`${REPO}/git/ref/heads%2Fgh-pages`)
    .reply(200, { ref: "refs/heads/gh-pages", object: { sha: "c1", type: "commit" } })
    .get(`${REPO}/git/commits/c1`)
    .reply(200, { sha: "c1", tree: { sha: "root1" } })
    .get(`${REPO}/git/trees/root1`)
    .reply(200, {
      sha: "root1",
      truncated: false,
      tree: [
        { path: "index.html", mode: "100644", type: "blob", sha: "docs-index" },
        { path: "status", mode: "040000", type: "tree", sha: "status1" },
      ],
    })
    .get(`${REPO}/git/trees/status1`)
    .reply(200, {
      sha: "status1",
      truncated: false,
      tree: Object.entries(status).map(([path, content]) => ({
        path,
        mode: "100644",
        type: "blob",
        sha: gitBlobSha(content),
      })),
    });
}

describe("publishFiles (Git Data API, nock)", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("computes git's blob id locally", () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobSha("hello\n")).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
  });

  it("creates a missing branch as an orphan commit holding the files", async () => {
    const bodies: Record<string, unknown>[] = [];
    const record = (body: Record<string, unknown>) => {
      bodies.push(body);
      return true;
    };
    const scope = nock(API)
      .get(`${REPO}/git/ref/heads%2Fgh-pages`)
      .reply(404, { message: "Not Found" })
      .post(`${REPO}/git/trees`, record)
      .reply(201, { sha: "t1" })
      .post(`${REPO}/git/commits`, record)
      .reply(201, { sha: "c-new" })
      .post(`${REPO}/git/refs`, record)
      .reply(201, { ref: "refs/heads/gh-pages", object: { sha: "c-new" } });

    await expect(publishFiles(octokit(), input)).resolves.toEqual({ commitSha: "c-new" });
    expect(scope.isDone()).toBe(true);
    // No blob requests: the tree carries the files' text.
    expect(bodies).toEqual([
      {
        tree: [
          { path: "status/index.html", mode: "100644", type: "blob", content: "<h1>All good</h1>\n" },
          { path: "status/feed.xml", mode: "100644", type: "blob", content: "<feed/>\n" },
        ],
      },
      { message: "Status: INC-1 identified", tree: "t1", parents: [] },
      { ref: "refs/heads/gh-pages", sha: "c-new" },
    ]);
  });

  it("writes nothing when every file is already so (4 reads, null)", async () => {
    const scope = existingBranch(nock(API), {
      "index.html": "<h1>All good</h1>\n",
      "feed.xml": "<feed/>\n",
    });
    await expect(publishFiles(octokit(), input)).resolves.toEqual({ commitSha: null });
    expect(scope.isDone()).toBe(true);
  });

  it("commits only the changed file on top of the branch, keeping the rest of the tree", async () => {
    const bodies: Record<string, unknown>[] = [];
    const record = (body: Record<string, unknown>) => {
      bodies.push(body);
      return true;
    };
    const scope = existingBranch(nock(API), {
      "index.html": "<h1>Degraded</h1>\n",
      "feed.xml": "<feed/>\n",
    })
      .post(`${REPO}/git/trees`, record)
      .reply(201, { sha: "t2" })
      .post(`${REPO}/git/commits`, record)
      .reply(201, { sha: "c2" })
      .patch(`${REPO}/git/refs/heads%2Fgh-pages`, record)
      .reply(200, { ref: "refs/heads/gh-pages", object: { sha: "c2" } });

    await expect(publishFiles(octokit(), input)).resolves.toEqual({ commitSha: "c2" });
    expect(scope.isDone()).toBe(true);
    expect(bodies).toEqual([
      {
        base_tree: "root1",
        tree: [{ path: "status/index.html", mode: "100644", type: "blob", content: "<h1>All good</h1>\n" }],
      },
      { message: "Status: INC-1 identified", tree: "t2", parents: ["c1"] },
      { sha: "c2", force: false },
    ]);
  });

  it("reads no subfolder that the tree does not have", async () => {
    const scope = nock(API)
      .get(`${REPO}/git/ref/heads%2Fgh-pages`)
      .reply(200, { object: { sha: "c1" } })
      .get(`${REPO}/git/commits/c1`)
      .reply(200, { sha: "c1", tree: { sha: "root1" } })
      .get(`${REPO}/git/trees/root1`)
      .reply(200, { sha: "root1", tree: [{ path: "README.md", type: "blob", sha: "r" }] })
      .post(`${REPO}/git/trees`, (body) => body.base_tree === "root1")
      .reply(201, { sha: "t" })
      .post(`${REPO}/git/commits`)
      .reply(201, { sha: "c2" })
      .patch(`${REPO}/git/refs/heads%2Fgh-pages`)
      .reply(200, {});
    await expect(publishFiles(octokit(), input)).resolves.toEqual({ commitSha: "c2" });
    expect(scope.isDone()).toBe(true);
  });

  it("starts over once when the branch moved meanwhile (not a fast forward)", async () => {
    const scope = existingBranch(nock(API), { "index.html": "old", "feed.xml": "<feed/>\n" })
      .post(`${REPO}/git/trees`)
      .reply(201, { sha: "t1" })
      .post(`${REPO}/git/commits`)
      .reply(201, { sha: "c-lost" })
      .patch(`${REPO}/git/refs/heads%2Fgh-pages`)
      .reply(422, { message: "Update is not a fast forward" });
    // The other writer already published the same content: nothing left to do.
    existingBranch(scope, { "index.html": "<h1>All good</h1>\n", "feed.xml": "<feed/>\n" });
    await expect(publishFiles(octokit(), input)).resolves.toEqual({ commitSha: null });
    expect(scope.isDone()).toBe(true);
  });

  it("passes other failures on to the caller", async () => {
    nock(API).get(`${REPO}/git/ref/heads%2Fgh-pages`).reply(403, { message: "Resource not accessible" });
    await expect(publishFiles(octokit(), input)).rejects.toMatchObject({ status: 403 });
  });
});

describe("publishFiles with `defer` (the ref write goes in the caller's document)", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("a missing branch: the orphan commit of the files is made, its createRef is left to the caller", async () => {
    const bodies: Record<string, unknown>[] = [];
    const keep = (body: Record<string, unknown>) => {
      bodies.push(body);
      return true;
    };
    const scope = nock(API)
      .post(`${REPO}/git/trees`, keep)
      .reply(201, { sha: "tree1" })
      .post(`${REPO}/git/commits`, keep)
      .reply(201, { sha: "orphan1" });
    const result = await publishFiles(octokit(), { ...input, site: { kind: "missing" }, defer: true });
    expect(result).toEqual({
      commitSha: "orphan1",
      deferred: { kind: "new-branch", branch: "gh-pages", oid: "orphan1" },
    });
    expect(bodies[0]).not.toHaveProperty("base_tree");
    expect(bodies[1]).toMatchObject({ tree: "tree1", parents: [] });
    expect(deferredMutation("R_1", result.deferred as Deferred)).toMatchObject({
      field: "createRef",
      input: { repositoryId: "R_1", name: "refs/heads/gh-pages", oid: "orphan1" },
    });
    scope.done();
  });

  it("a head the read saw: no request; the changed files' createCommitOnBranch is left to the caller", async () => {
    const blobs = new Map([["status/feed.xml", gitBlobSha("<feed/>\n")]]);
    const result = await publishFiles(octokit(), {
      ...input,
      site: { kind: "known", head: "c1", blobs },
      defer: true,
    });
    expect(result.commitSha).toBeNull();
    const mutation = deferredMutation("R_1", result.deferred as Deferred);
    expect(mutation).toMatchObject({ field: "createCommitOnBranch", inputType: "CreateCommitOnBranchInput" });
    expect(mutation.input).toMatchObject({
      branch: { repositoryNameWithOwner: "acme/shop", branchName: "gh-pages" },
      expectedHeadOid: "c1",
      fileChanges: { additions: [{ path: "status/index.html" }] },
    });
  });
});
