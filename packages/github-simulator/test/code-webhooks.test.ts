import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaValidator } from "../src/rest/schema-validator.js";
import type { Simulator } from "../src/simulator.js";
import { type Received, type Receiver, seededSimulator, startReceiver } from "./support.js";

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as ExampleGroup[];

const repo = { owner: "acme", repo: "svc" };
let receiver: Receiver;
let sim: Simulator;

const content = (text: string) => Buffer.from(text).toString("base64");

/** Opens, edits, pushes to, merges, closes and reopens pull requests, and deploys. */
beforeAll(async () => {
  receiver = await startReceiver();
  sim = await seededSimulator(receiver);
  const carl = sim.as("carl");
  const { data: main } = await carl.rest.git.getRef({ ...repo, ref: "heads/main" });
  for (const branch of ["fix", "other"]) {
    await carl.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main.object.sha });
    await carl.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: `src/${branch}.ts`,
      message: branch,
      content: content(`${branch}\n`),
      branch,
    });
  }
  const { data: fix } = await carl.rest.pulls.create({ ...repo, title: "Fix", head: "fix", base: "main" });
  await carl.rest.pulls.update({ ...repo, pull_number: fix.number, body: "Fixes the bug" });
  const { data: current } = await carl.rest.repos.getContent({ ...repo, path: "src/fix.ts", ref: "fix" });
  await carl.rest.repos.createOrUpdateFileContents({
    ...repo,
    path: "src/fix.ts",
    message: "more",
    content: content("fix 2\n"),
    branch: "fix",
    sha: (current as { sha: string }).sha,
  });
  await carl.rest.pulls.merge({ ...repo, pull_number: fix.number });
  const { data: other } = await carl.rest.pulls.create({
    ...repo,
    title: "Other",
    head: "other",
    base: "main",
  });
  await carl.rest.pulls.update({ ...repo, pull_number: other.number, state: "closed" });
  await carl.rest.pulls.update({ ...repo, pull_number: other.number, state: "open" });
  const { data: deployment } = await carl.rest.repos.createDeployment({
    ...repo,
    ref: "main",
    environment: "production",
  });
  await carl.rest.repos.createDeploymentStatus({
    ...repo,
    deployment_id: (deployment as { id: number }).id,
    state: "success",
  });
  await sim.settle();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

/** Keys examples have only in situations the simulator does not produce. */
const SITUATIONAL = ["enterprise", "installation", "check_run", "workflow", "workflow_run"];

const eventOf = (r: Received) => `${r.headers["x-github-event"]}.${String(r.payload.action)}`;
const codeEvents = () =>
  receiver.received.filter((r) => /^(pull_request|deployment_status)\./.test(eventOf(r)));

describe("pull request and deployment webhooks", () => {
  it("are sent for what people do, in order", () => {
    expect(codeEvents().map(eventOf)).toEqual([
      "pull_request.opened",
      "pull_request.edited",
      "pull_request.synchronize",
      "pull_request.closed",
      "pull_request.opened",
      "pull_request.closed",
      "pull_request.reopened",
      "deployment_status.created",
    ]);
    const merged = codeEvents()[3]?.payload.pull_request as { merged: boolean; merged_by: { login: string } };
    expect(merged.merged).toBe(true);
    expect(merged.merged_by.login).toBe("carl");
    const sync = codeEvents()[2]?.payload as { before: string; after: string };
    expect(sync.before).not.toBe(sync.after);
  });

  it("validate against the x-webhooks schemas", () => {
    for (const r of codeEvents()) {
      const name = eventOf(r).replaceAll("_", "-").replace(".", "-");
      expect(schemaValidator().webhookErrors(name, r.payload), name).toEqual([]);
    }
  });

  it("have the top-level keys of the webhooks-examples payloads", () => {
    for (const r of codeEvents()) {
      const [event, action] = eventOf(r).split(".");
      const example = examples.find((g) => g.name === event)?.examples.find((e) => e.action === action);
      if (!example) continue;
      const expected = Object.keys(example).filter((k) => !SITUATIONAL.includes(k));
      expect(Object.keys(r.payload), eventOf(r)).toEqual(expect.arrayContaining(expected));
    }
  });
});
