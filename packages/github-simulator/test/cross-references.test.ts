import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botOctokit } from "../src/bot-octokit.js";
import type { Simulator } from "../src/simulator.js";
import { listAt, seededSimulator } from "./support.js";

let sim: Simulator;
let app: Octokit;

beforeAll(async () => {
  sim = await seededSimulator();
  app = await botOctokit(sim);
});
afterAll(() => sim.close());

describe("cross-references", () => {
  it("an issue or comment mentioning another issue of the repo records it there, once per source", async () => {
    const alice = sim.as("alice");
    const { data: target } = await alice.rest.issues.create({
      owner: "acme",
      repo: "svc",
      title: "Incident",
    });
    const { data: source } = await alice.rest.issues.create({
      owner: "acme",
      repo: "svc",
      title: "Follow-up",
      body: `For #${target.number} (https://github.com/acme/svc/issues/${target.number}); not #999.`,
    });
    await alice.rest.issues.createComment({
      owner: "acme",
      repo: "svc",
      issue_number: source.number,
      body: `see #${target.number}`,
    });
    const data = await app.graphql(
      `query { repository(owner: "acme", name: "svc") { issue(number: ${target.number}) { timelineItems(first: 10, itemTypes: [CROSS_REFERENCED_EVENT]) { nodes { ... on CrossReferencedEvent { actor { login } source { ... on Issue { number title } } } } } } } }`,
    );
    expect(listAt(data, "repository.issue.timelineItems.nodes")).toEqual([
      { actor: { login: "alice" }, source: { number: source.number, title: "Follow-up" } },
    ]);
  });
});
