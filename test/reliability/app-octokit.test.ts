import type { FaultableRequest, RequestFaultKind } from "@incident-app/github-simulator";
import { createClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { Probot } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import { createAppOctokit } from "../../src/github/app-octokit.js";
import type { Octokit } from "../../src/github/client.js";
import { asOctokit } from "../../src/github/client.js";
import { ADD_COMMENT_MUTATION, INCIDENT_HISTORY_QUERY } from "../../src/github/queries.js";
import { historyVariables } from "../../src/github/read-history.js";
import { scaledRetryPolicy } from "../../src/github/retry-policy.js";
import { testPrivateKey } from "../support/probot.js";
import { summary } from "./support/summary.js";

/**
 * The production Octokit setup against the simulator, every wait scaled by 0.001:
 * what is repeated by the plugins, what is left to the handler, and `retry-after`.
 */
let sim: Simulator;
let octokit: Octokit;
let issueId: string;
const where = { owner: "acme", repo: "svc" };

beforeAll(async () => {
  sim = await startSimulator({ clock: createClock(new Date("2026-02-03T14:23:00Z")) });
  sim.createOrg("acme", ["alice"]);
  sim.createRepo({ owner: "acme", name: "svc" });
  const installation = await sim.installApp("acme", ["svc"]);
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    baseUrl: sim.url,
    Octokit: createAppOctokit(scaledRetryPolicy(0.001)),
    logLevel: "fatal",
  });
  octokit = asOctokit(await probot.auth(installation));
  const { data } = await sim.as("alice").rest.issues.create({ ...where, title: "t" });
  issueId = data.node_id;
});
afterAll(() => sim.close());

/** Fails the first `times` requests that match, with `kind`. */
function failFirst(
  kind: RequestFaultKind,
  match: (r: FaultableRequest) => boolean,
  times = 1,
  retryAfterSeconds = 1,
) {
  let left = times;
  return sim.injectRequestFaults({
    seed: 1,
    rate: 1,
    mix: { [kind]: 1 },
    retryAfterSeconds,
    eligible: (request) => request.auth === "installation" && match(request) && left-- > 0,
  });
}

const graphql = (r: FaultableRequest) => r.path === "/graphql";
const variables = historyVariables(ConfigSchema.parse({}), new Date("2026-02-03T14:23:00Z"), {
  withRecent: false,
  id: null,
});
const read = () => octokit.graphql(INCIDENT_HISTORY_QUERY, { ...where, number: 1, ...variables });
const addComment = (body: string) =>
  octokit.graphql(ADD_COMMENT_MUTATION, { subjectId: issueId, body, verify: true, ...variables });
const comments = async () =>
  (await sim.as("alice").rest.issues.listComments({ ...where, issue_number: 1 })).data.map((c) => c.body);

describe("the app's Octokit", () => {
  it("repeats a read that failed with a 5xx", async () => {
    const before = sim.appRequests().length;
    const faults = failFirst("server-error", graphql, 2);
    await read();
    summary("Octokit: read after 5xx", {
      requests: sim.appRequests().length - before,
      faults_injected: faults.injected.length,
    });
    expect(sim.appRequests().length - before).toBe(3);
  });

  it("never repeats a comment whose answer was lost: the handler re-reads instead", async () => {
    const before = sim.appRequests().length;
    failFirst("lost-response", graphql);
    await expect(addComment("once")).rejects.toMatchObject({ status: 502 });
    const posted = await comments();
    summary("Octokit: comment with a lost answer", {
      requests: sim.appRequests().length - before,
      faults_injected: 1,
      comments_posted: posted.length,
      duplicates_found: posted.length - new Set(posted).size,
    });
    expect(posted).toEqual(["once"]);
  });

  it("waits out a secondary limit's retry-after and then posts, once", async () => {
    const faults = failFirst("secondary-limit", graphql);
    const started = performance.now();
    await addComment("after the limit");
    expect(performance.now() - started).toBeGreaterThanOrEqual(1); // 1 s scaled
    expect(faults.counts()["secondary-limit"]).toBe(1);
    const posted = await comments();
    summary("Octokit: secondary limit", {
      faults_injected: faults.injected.length,
      waited_ms: Math.round(performance.now() - started),
      comments_posted: posted.length,
      duplicates_found: posted.length - new Set(posted).size,
    });
    expect(posted).toEqual(["once", "after the limit"]);
  });

  it("waits out an exhausted quota until its reset", async () => {
    const before = sim.appRequests().length;
    const faults = failFirst("primary-limit", graphql);
    await read();
    summary("Octokit: exhausted quota", {
      requests: sim.appRequests().length - before,
      faults_injected: faults.injected.length,
    });
  });

  it("gives up at once on a retry-after longer than a handler can wait", async () => {
    const before = sim.appRequests().length;
    failFirst("secondary-limit", graphql, 1, 60);
    await expect(addComment("never")).rejects.toMatchObject({ status: expect.any(Number) });
    expect(sim.appRequests().length - before).toBe(1);
    const posted = await comments();
    expect(posted).toEqual(["once", "after the limit"]);
    sim.clearFaults();
    summary("Octokit: retry-after too long", {
      requests: sim.appRequests().length,
      faults_injected: sim.appRequests().filter((entry) => entry.fault !== null).length,
      comments_posted: posted.length,
      duplicates_found: posted.length - new Set(posted).size,
    });
  });
});
