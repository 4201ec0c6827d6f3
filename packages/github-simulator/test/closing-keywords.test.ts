import { validate } from "@octokit/graphql-schema";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botOctokit } from "../src/bot-octokit.js";
import { schemaValidator } from "../src/rest/schema-validator.js";
import type { Simulator } from "../src/simulator.js";
import { closingReferences } from "../src/store/closing-references.js";
import { listAt, type Receiver, seededSimulator, startReceiver } from "./support.js";

/**
 * GitHub closes the issues a pull request's description names with a closing keyword
 * (`Fixes #12`, `closes acme/svc#7`) when it is merged into the default branch: a
 * `ClosedEvent` whose `closer` is the pull request, and an `issues.closed` webhook that
 * does not name it.
 */
let sim: Simulator;
let receiver: Receiver;
let app: Octokit;

const CLOSED_BY = /* GraphQL */ `
  query ClosedBy($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        state
        timelineItems(last: 1, itemTypes: [CLOSED_EVENT]) {
          nodes {
            ... on ClosedEvent {
              actor { login }
              stateReason
              closer {
                __typename
                ... on PullRequest { number url merged repository { nameWithOwner } }
              }
            }
          }
        }
      }
    }
  }
`;

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await seededSimulator(receiver);
  sim.createRepo({ owner: "acme", name: "api", collaborators: { carl: "write" } });
  await sim.installApp("acme", ["svc", "api"]);
  app = await botOctokit(sim);
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

async function pullWithBody(repo: string, body: string, base = "main"): Promise<number> {
  const alice = sim.as("alice");
  const where = { owner: "acme", repo };
  const head = (await alice.rest.git.getRef({ ...where, ref: "heads/main" })).data.object.sha;
  const branch = `fix-${Math.random().toString(36).slice(2, 8)}`;
  if (base !== "main") await alice.rest.git.createRef({ ...where, ref: `refs/heads/${base}`, sha: head });
  await alice.rest.git.createRef({ ...where, ref: `refs/heads/${branch}`, sha: head });
  await alice.rest.repos.createOrUpdateFileContents({
    ...where,
    path: `src/${branch}.ts`,
    message: "Fix",
    content: Buffer.from("export {};\n").toString("base64"),
    branch,
  });
  const { data } = await alice.rest.pulls.create({ ...where, title: "Fix", head: branch, base, body });
  return data.number;
}

async function issue(repo: string, title: string): Promise<number> {
  return (await sim.as("alice").rest.issues.create({ owner: "acme", repo, title })).data.number;
}

describe("closing keywords", () => {
  it("reads the keyword forms GitHub documents, in this repository and others", () => {
    expect(
      closingReferences(
        "Fixes #12, closes: acme/svc#7. Resolved https://github.com/acme/svc/issues/8\nsee #9; prefix#10 fixes#11",
      ),
    ).toEqual([
      { repository: null, number: 12 },
      { repository: "acme/svc", number: 7 },
      { repository: "acme/svc", number: 8 },
    ]);
  });

  it("merging into the default branch closes the named issues, here and across repositories, with the pull request as closer", async () => {
    const local = await issue("api", "Local bug");
    const remote = await issue("svc", "Action item");
    const number = await pullWithBody("api", `Fixes #${local}\n\nAlso closes acme/svc#${remote}.`);
    await sim.settle();
    const before = receiver.received.length;
    await sim.as("alice").rest.pulls.merge({ owner: "acme", repo: "api", pull_number: number });
    await sim.settle();

    expect(validate(CLOSED_BY)).toEqual([]);
    for (const [name, n] of [
      ["api", local],
      ["svc", remote],
    ] as const) {
      const data = await app.graphql(CLOSED_BY, { owner: "acme", name, number: n });
      expect(listAt(data, "repository.issue.timelineItems.nodes")).toEqual([
        {
          actor: { login: "alice" },
          stateReason: "COMPLETED",
          closer: {
            __typename: "PullRequest",
            number,
            url: `https://github.com/acme/api/pull/${number}`,
            merged: true,
            repository: { nameWithOwner: "acme/api" },
          },
        },
      ]);
    }
    const sent = receiver.received.slice(before);
    const events = sent.map((r) => {
      const payload = r.payload as {
        action: string;
        issue?: { number: number };
        repository: { name: string };
      };
      return `${r.headers["x-github-event"]}.${payload.action} ${payload.repository.name}#${payload.issue?.number ?? number}`;
    });
    expect(events).toEqual([
      `pull_request.closed api#${number}`,
      `issues.closed api#${local}`,
      `issues.closed svc#${remote}`,
    ]);
    for (const r of sent) {
      const name = `${r.headers["x-github-event"]}-${String(r.payload.action)}`.replace("_", "-");
      expect(schemaValidator().webhookErrors(name, r.payload), name).toEqual([]);
    }
  });

  it("merging into another branch closes nothing, and closing by hand has no closer", async () => {
    const target = await issue("api", "Still open");
    const number = await pullWithBody("api", `Fixes #${target}`, "release");
    await sim.as("alice").rest.pulls.merge({ owner: "acme", repo: "api", pull_number: number });
    await sim
      .as("alice")
      .rest.issues.update({ owner: "acme", repo: "api", issue_number: target, state: "closed" });
    const data = await app.graphql(CLOSED_BY, { owner: "acme", name: "api", number: target });
    expect(listAt(data, "repository.issue.timelineItems.nodes")).toEqual([
      { actor: { login: "alice" }, stateReason: "COMPLETED", closer: null },
    ]);
  });
});
