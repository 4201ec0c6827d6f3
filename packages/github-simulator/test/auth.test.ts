import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../src/simulator.js";
import { rawRequest, seededSimulator } from "./support.js";

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln";
let sim: Simulator;
let installationId: number;

beforeAll(async () => {
  sim = await seededSimulator();
  sim.createRepo({ owner: "oscar", name: "elsewhere" });
  installationId = (sim.snapshot() as { installations: { id: number }[] }).installations[0]?.id ?? 0;
});
afterAll(() => sim.close());

async function installationToken(): Promise<string> {
  const res = await rawRequest(sim, "POST", `/app/installations/${installationId}/access_tokens`, {
    token: JWT,
    body: {},
  });
  return (res.body as { token: string }).token;
}

describe("authentication", () => {
  it("rejects requests without credentials or with unknown ones", async () => {
    for (const token of [null, "nonsense", "sim_user_nobody", "ghs_unknown"]) {
      const res = await rawRequest(sim, "GET", "/repos/acme/svc", { token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ message: "Bad credentials" });
    }
  });

  it("answers GET /app for the app's JWT", async () => {
    const res = await rawRequest(sim, "GET", "/app", { token: JWT });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 1,
      slug: "incident-bot",
      name: "incident-bot",
      owner: { type: "User" },
    });
  });

  it("issues installation tokens for the JWT", async () => {
    const res = await rawRequest(sim, "POST", `/app/installations/${installationId}/access_tokens`, {
      token: JWT,
      body: {},
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      token: expect.stringMatching(/^ghs_/),
      expires_at: expect.stringMatching(/Z$/),
      permissions: expect.objectContaining({ issues: "write" }),
      repository_selection: "selected",
    });
    const missing = await rawRequest(sim, "POST", "/app/installations/424242/access_tokens", {
      token: JWT,
      body: {},
    });
    expect(missing.status).toBe(404);
  });

  it("keeps the JWT to app endpoints and installation tokens away from them", async () => {
    const token = await installationToken();
    expect((await rawRequest(sim, "GET", "/app", { token })).status).toBe(401);
    expect((await rawRequest(sim, "GET", "/repos/acme/svc", { token: JWT })).status).toBe(404);
  });

  it("acts as the app's bot with an installation token, and logs it as an app request", async () => {
    const token = await installationToken();
    const issue = await rawRequest(sim, "POST", "/repos/acme/svc/issues", {
      token,
      body: { title: "by bot" },
    });
    expect(issue.status).toBe(201);
    expect(issue.body).toMatchObject({
      user: { login: "incident-bot[bot]", type: "Bot" },
      author_association: "NONE",
    });
    const appRequests = sim.appRequests();
    expect(appRequests.map((e) => `${e.method} ${e.path}`)).toEqual(["POST /repos/acme/svc/issues"]);
    expect(appRequests[0]).toMatchObject({
      actor: "incident-bot[bot]",
      status: 201,
      operation: "issues/create",
    });
  });

  it("forbids the bot to write where the app is not installed", async () => {
    const token = await installationToken();
    const res = await rawRequest(sim, "POST", "/repos/oscar/elsewhere/issues", {
      token,
      body: { title: "x" },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ message: "Resource not accessible by integration" });
  });

  it("logs a person's requests with their login and no delivery", async () => {
    await sim.as("alice").rest.repos.get({ owner: "acme", repo: "svc" });
    expect(sim.log.at(-1)).toMatchObject({
      actor: "alice",
      method: "GET",
      path: "/repos/acme/svc",
      delivery: null,
      event: null,
      graphql: null,
      status: 200,
    });
  });
});

describe("permissions", () => {
  it("lets people without write access comment and open issues, but not label or edit others' comments", async () => {
    const rita = sim.as("rita");
    const oscar = sim.as("oscar");
    const { data: issue } = await oscar.rest.issues.create({
      owner: "acme",
      repo: "svc",
      title: "from outside",
      labels: ["dropped"],
    });
    expect(issue.labels).toEqual([]);
    await rita.rest.issues.createComment({
      owner: "acme",
      repo: "svc",
      issue_number: issue.number,
      body: "me too",
    });
    await expect(
      rita.rest.issues.addLabels({ owner: "acme", repo: "svc", issue_number: issue.number, labels: ["x"] }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      oscar.rest.issues.addAssignees({
        owner: "acme",
        repo: "svc",
        issue_number: issue.number,
        assignees: ["oscar"],
      }),
    ).rejects.toMatchObject({ status: 403 });
    const { data: mine } = await sim
      .as("alice")
      .rest.issues.createComment({ owner: "acme", repo: "svc", issue_number: issue.number, body: "member" });
    await expect(
      rita.rest.issues.updateComment({ owner: "acme", repo: "svc", comment_id: mine.id, body: "hijack" }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      oscar.rest.issues.update({ owner: "acme", repo: "svc", issue_number: issue.number, title: "mine" }),
    ).resolves.toMatchObject({ data: { title: "mine" } });
  });

  it("computes author_association per repository", async () => {
    const make = async (login: string) =>
      (await sim.as(login).rest.issues.create({ owner: "acme", repo: "svc", title: `by ${login}` })).data
        .author_association;
    expect(await make("olivia")).toBe("OWNER");
    expect(await make("alice")).toBe("MEMBER");
    expect(await make("carl")).toBe("COLLABORATOR");
    expect(await make("oscar")).toBe("NONE");
  });
});
