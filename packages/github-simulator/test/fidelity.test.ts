import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botOctokit } from "../src/bot-octokit.js";
import { Latency } from "../src/latency/latency-model.js";
import { schemaValidator } from "../src/rest/schema-validator.js";
import type { Simulator } from "../src/simulator.js";
import { type Receiver, rawRequest, seededSimulator, startReceiver } from "./support.js";

/** Details where the simulator once differed from GitHub, checked against GitHub's published schemas. */
const repo = { owner: "acme", repo: "svc" };
let sim: Simulator;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await seededSimulator(receiver);
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

describe("bot accounts", () => {
  it("percent-encode the login in REST answers and webhooks, which still match the schemas", async () => {
    const issue = await sim.as("alice").rest.issues.create({ ...repo, title: "t" });
    const bot = await botOctokit(sim);
    const comment = await bot.rest.issues.createComment({
      ...repo,
      issue_number: issue.data.number,
      body: "b",
    });
    expect(comment.data.user?.url).toBe(`${sim.url}/users/incident-bot%5Bbot%5D`);
    expect(comment.data.user?.repos_url).toBe(`${sim.url}/users/incident-bot%5Bbot%5D/repos`);
    expect(schemaValidator().responseErrors("issues/create-comment", 201, comment.data)).toEqual([]);
    await sim.settle();
    const hook = receiver.received.find(
      (r) => (r.payload.comment as { id?: number } | undefined)?.id === comment.data.id,
    );
    if (!hook) throw new Error("no webhook for the bot's comment");
    const user = (hook.payload.comment as { user: { url: string } }).user;
    expect(user.url).toBe(`${sim.url}/users/incident-bot%5Bbot%5D`);
    expect(schemaValidator().webhookErrors("issue-comment-created", hook.payload)).toEqual([]);
  });
});

describe("webhooks", () => {
  it("are sent only for the events the app subscribed to: no `label` events", async () => {
    const before = receiver.received.length;
    await sim.as("alice").rest.issues.createLabel({ ...repo, name: "fresh", color: "00ff00" });
    await sim.settle();
    const events = receiver.received.slice(before).map((r) => r.headers["x-github-event"]);
    expect(events).toEqual([]);
  });
});

describe("REST details", () => {
  it("lists the repository's root for `contents/` with an empty path", async () => {
    const root = await rawRequest(sim, "GET", "/repos/acme/svc/contents/");
    expect(root.status).toBe(200);
    expect((root.body as Array<{ name: string }>).map((entry) => entry.name)).toEqual([".github"]);
    expect(schemaValidator().responseErrors("repos/get-content", 200, root.body)).toEqual([]);
  });

  it("answers raw file reads with GitHub's raw media type", async () => {
    const raw = await rawRequest(sim, "GET", "/repos/acme/svc/contents/.github/incident.yml", {
      accept: "application/vnd.github.raw",
    });
    expect(raw.body).toBe("severities: [SEV1, SEV2]\n");
    expect(raw.headers.get("content-type")).toBe("application/vnd.github.v3.raw; charset=utf-8");
    expect(raw.headers.get("x-github-media-type")).toBe("github.v3; param=raw");
  });

  it("counts `x-ratelimit-used` and keeps `remaining` in step", async () => {
    const first = await rawRequest(sim, "GET", "/repos/acme/svc");
    const second = await rawRequest(sim, "GET", "/repos/acme/svc");
    const used = (r: typeof first) => Number(r.headers.get("x-ratelimit-used"));
    expect(used(second)).toBe(used(first) + 1);
    expect(Number(second.headers.get("x-ratelimit-remaining"))).toBe(5000 - used(second));
  });

  it("names what a create made in `location`", async () => {
    const created = await rawRequest(sim, "POST", "/repos/acme/svc/issues", { body: { title: "x" } });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe((created.body as { url: string }).url);
  });

  it("sends `etag` and `last-modified` on GETs and answers 304 to a matching `If-None-Match`", async () => {
    const first = await rawRequest(sim, "GET", "/repos/acme/svc/issues/1");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(first.headers.get("last-modified")).toMatch(/GMT$/);
    const again = await fetch(`${sim.url}/repos/acme/svc/issues/1`, {
      headers: { authorization: "token sim_user_alice", "if-none-match": etag ?? "" },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await sim.as("alice").rest.issues.update({ ...repo, issue_number: 1, title: "changed" });
    const changed = await fetch(`${sim.url}/repos/acme/svc/issues/1`, {
      headers: { authorization: "token sim_user_alice", "if-none-match": etag ?? "" },
    });
    expect(changed.status).toBe(200);
  });
});

describe("the latency model", () => {
  const model = { perRequestMs: 150, perGraphqlKbMs: 1, freeKb: 32, jitterMs: 15, seed: 7 };
  const request = { method: "POST", path: "/graphql", auth: "installation", graphql: true };

  it("charges a fixed part per request, more for a large GraphQL answer, with seeded jitter", () => {
    const a = new Latency(model);
    const b = new Latency(model);
    const small = [a.delayFor(request, 1_000), a.delayFor(request, 1_000)];
    expect([b.delayFor(request, 1_000), b.delayFor(request, 1_000)]).toEqual(small);
    for (const value of small) expect(Math.abs(value - 150)).toBeLessThanOrEqual(15);
    const large = new Latency({ ...model, jitterMs: 0 }).delayFor(request, 132 * 1024);
    expect(large).toBe(250);
  });

  it("leaves people's and token requests alone by default", () => {
    const latency = new Latency(model);
    expect(latency.delayFor({ ...request, auth: "user" }, 10)).toBe(0);
    expect(latency.delayFor({ ...request, auth: "app" }, 10)).toBe(0);
  });
});
