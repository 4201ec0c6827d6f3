import { createRequire } from "node:module";
import { verify } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaValidator } from "../src/rest/schema-validator.js";
import type { Simulator } from "../src/simulator.js";
import { type Received, type Receiver, seededSimulator, startReceiver } from "./support.js";

interface ExampleGroup {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as ExampleGroup[];

/** Keys an example has only in situations the simulator does not produce. */
const SITUATIONAL: Record<string, string[]> = {
  top: ["enterprise", "requester"],
  "issues.opened": ["changes"], // only on transferred issues
  issue: ["pull_request", "draft"], // only on pull requests
};

/** Actions the examples package has no payload for, compared with a sibling of the same shape. */
const SAME_SHAPE_AS: Record<string, string> = { "issues.closed": "reopened" };

const repo = { owner: "acme", repo: "svc" };
let receiver: Receiver;
let sim: Simulator;

function keysOf(value: unknown): string[] {
  return typeof value === "object" && value !== null ? Object.keys(value) : [];
}

/** Triggers every event and action the simulator sends. */
beforeAll(async () => {
  receiver = await startReceiver();
  sim = await seededSimulator(receiver);
  const carl = sim.as("carl");
  const { data: issue } = await carl.rest.issues.create({ ...repo, title: "t", body: "b" });
  const issue_number = issue.number;
  await carl.rest.issues.update({ ...repo, issue_number, title: "t2", body: "b2" });
  await carl.rest.issues.addLabels({ ...repo, issue_number, labels: ["incident"] });
  await carl.rest.issues.removeLabel({ ...repo, issue_number, name: "incident" });
  await carl.rest.issues.addAssignees({ ...repo, issue_number, assignees: ["alice"] });
  await carl.rest.issues.removeAssignees({ ...repo, issue_number, assignees: ["alice"] });
  await carl.rest.issues.update({ ...repo, issue_number, state: "closed" });
  await carl.rest.issues.update({ ...repo, issue_number, state: "open" });
  const { data: comment } = await carl.rest.issues.createComment({ ...repo, issue_number, body: "c1" });
  await carl.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "heart" });
  await carl.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: "c2" });
  await carl.rest.issues.deleteComment({ ...repo, comment_id: comment.id });
  await carl.rest.issues.updateLabel({ ...repo, name: "incident", color: "ff0000" });
  sim.createRepo({ owner: "acme", name: "not-installed" });
  await carl.rest.issues.create({ owner: "acme", repo: "not-installed", title: "unheard" });
  await sim.settle();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

function sent(): Received[] {
  return receiver.received;
}

function eventOf(r: Received): string {
  return `${r.headers["x-github-event"]}.${String(r.payload.action)}`;
}

describe("webhook deliveries", () => {
  it("sends what GitHub would, in order, and nothing for reactions, uninstalled repos or unsubscribed events (`label`)", () => {
    expect(sent().map(eventOf)).toEqual([
      "installation.created",
      "issues.opened",
      "issues.edited",
      "issues.labeled",
      "issues.unlabeled",
      "issues.assigned",
      "issues.unassigned",
      "issues.closed",
      "issues.reopened",
      "issue_comment.created",
      "issue_comment.edited",
      "issue_comment.deleted",
    ]);
  });

  it("signs every body so @octokit/webhooks-methods verifies it", async () => {
    for (const r of sent()) {
      expect(await verify("test-secret", r.body, String(r.headers["x-hub-signature-256"]))).toBe(true);
      expect(r.headers).toMatchObject({
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/sim",
        "x-github-hook-id": expect.stringMatching(/^\d+$/),
        "x-github-delivery": expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    }
  });

  it("includes the installation and the changes", () => {
    const edited = sent().find((r) => eventOf(r) === "issues.edited");
    expect(edited?.payload.changes).toEqual({ title: { from: "t" }, body: { from: "b" } });
    const commentEdited = sent().find((r) => eventOf(r) === "issue_comment.edited");
    expect(commentEdited?.payload.changes).toEqual({ body: { from: "c1" } });
    for (const r of sent().slice(1))
      expect(r.payload.installation).toEqual({ id: expect.any(Number), node_id: expect.any(String) });
  });

  it("has every key the webhooks-examples payloads have", () => {
    for (const r of sent()) {
      const event = String(r.headers["x-github-event"]);
      const action = String(r.payload.action);
      const group = examples.find((g) => g.name === event);
      const exampleAction = SAME_SHAPE_AS[`${event}.${action}`] ?? action;
      const matching = (group?.examples ?? []).filter((e) => e.action === exampleAction);
      expect(matching.length, `${event}.${action} has examples`).toBeGreaterThan(0);
      const skip = [...(SITUATIONAL.top ?? []), ...(SITUATIONAL[`${event}.${action}`] ?? [])];
      for (const example of matching) {
        const expected = keysOf(example).filter((k) => !skip.includes(k) && k !== "installation");
        expect(keysOf(r.payload), `${event}.${action} top-level`).toEqual(expect.arrayContaining(expected));
        for (const part of ["issue", "comment", "repository", "sender", "label", "organization"]) {
          if (!(part in example) || !(part in r.payload)) continue;
          const skipPart = SITUATIONAL[part] ?? [];
          const want = keysOf(example[part]).filter((k) => !skipPart.includes(k));
          expect(keysOf(r.payload[part]), `${event}.${action} ${part}`).toEqual(expect.arrayContaining(want));
        }
      }
    }
  });

  it("validates against the x-webhooks schemas of GitHub's OpenAPI description", () => {
    for (const r of sent()) {
      const name = eventOf(r).replace("_", "-").replace(".", "-");
      expect(schemaValidator().webhookErrors(name, r.payload), name).toEqual([]);
    }
  });
});
