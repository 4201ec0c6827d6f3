import nock from "nock";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { declaredBuilder } from "../support/declared-builder.js";
import { BOT, pullFact } from "../support/history-builder.js";
import { historyGitHub } from "../support/nock-github.js";
import { isolateNock } from "../support/nock-isolation.js";
import { examplePayload, type ReceiveEvent, testProbot } from "../support/probot.js";

/** Pull request and deployment events through probot.receive, GitHub in nock. */
const INCIDENT = {
  number: 1,
  title: "[INC-20260203-001] Search returns no results",
  url: "https://github.com/acme/shop/issues/1",
  state: "OPEN",
};

const declared = (at: string) => declaredBuilder(at, 1);

function context(pull: { number: number; head: string; state?: string }, freezing: boolean) {
  return () => ({
    repository: {
      defaultBranchRef: { name: "master" },
      configFile: null,
      freezing: { nodes: freezing ? [INCIDENT] : [] },
      incidents: { nodes: [INCIDENT] },
      pullRequest: {
        number: pull.number,
        title: "t",
        url: "u",
        state: pull.state ?? "OPEN",
        headRefName: pull.head,
        baseRefName: "master",
        headRefOid: "f".repeat(40),
        author: { __typename: "User", login: "dave" },
        commits: { nodes: [{ commit: { checkSuites: { nodes: [] } } }] },
        comments: { nodes: [] },
      },
    },
  });
}

async function pullRequest(
  fields: { number: number; head: string; title?: string; body?: string; action?: string },
  at: string,
) {
  const payload = examplePayload("pull_request", "opened") as ReturnType<typeof examplePayload> & {
    action: string;
    pull_request: {
      number: number;
      title: string;
      body: string;
      head: { ref: string };
      base: { ref: string };
      state: string;
    };
  };
  payload.action = fields.action ?? "opened";
  payload.pull_request.number = fields.number;
  payload.pull_request.title = fields.title ?? "A change";
  payload.pull_request.body = fields.body ?? "";
  payload.pull_request.head.ref = fields.head;
  const probot = testProbot();
  probot.load(createApp({ clock: () => new Date(at), botLogin: async () => BOT }));
  await probot.receive({
    id: `d-${fields.number}`,
    name: "pull_request",
    payload,
  } as unknown as ReceiveEvent);
}

isolateNock();

describe("pull_request events", () => {
  it("cost nothing when they cannot matter (not to the default branch, no incident named)", async () => {
    await pullRequest({ number: 5, head: "feature", action: "closed" }, "2026-02-03T14:44:00Z");
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("put a failing freeze check on an unrelated pull request while an incident freezes merges", async () => {
    const builder = declared("2026-02-03T14:44:00Z");
    const github = historyGitHub(builder, "2026-02-03T14:44:01Z", {
      PullRequestContext: context({ number: 5, head: "feature" }, true),
    });
    await pullRequest({ number: 5, head: "feature" }, "2026-02-03T14:44:00Z");
    expect(github.requests).toEqual(["PullRequestContext", "POST /check-runs"]);
    expect(github.bodies[1]?.body).toMatchObject({
      name: "incident-freeze",
      head_sha: "f".repeat(40),
      status: "completed",
      conclusion: "failure",
      output: { title: "Merges frozen by INC-20260203-001" },
      details_url: INCIDENT.url,
    });
  });

  it("link a hotfix pull request: an exempt check, and the incident's timeline", async () => {
    const builder = declared("2026-02-03T14:44:00Z");
    builder.history.code.hotfixPulls = [
      pullFact(5, { at: "2026-02-03T14:44:00Z", headRefName: "hotfix/inc-20260203-001" }),
    ];
    const github = historyGitHub(builder, "2026-02-03T14:44:01Z", {
      PullRequestContext: context({ number: 5, head: "hotfix/inc-20260203-001" }, true),
    });
    await pullRequest({ number: 5, head: "hotfix/inc-20260203-001" }, "2026-02-03T14:44:00Z");
    expect(github.requests).toEqual([
      "PullRequestContext",
      "POST /check-runs",
      "IncidentHistory",
      "UpdateComment",
    ]);
    expect(github.bodies[1]?.body).toMatchObject({
      conclusion: "success",
      output: { title: "Exempt from merge freezes (hotfix pull request)" },
    });
    const timeline = builder.history.items.find(
      (item) => item.type === "comment" && item.body.includes("incident-app:timeline"),
    );
    expect(timeline?.type === "comment" ? timeline.body : "").toContain("Hotfix PR #5 opened: “Change 5”");
  });

  it("link a pull request that names the incident by id only, with one comment", async () => {
    const builder = declared("2026-02-03T14:44:00Z");
    const github = historyGitHub(builder, "2026-02-03T14:44:01Z", {
      PullRequestContext: context({ number: 6, head: "cleanup" }, false),
    });
    await pullRequest(
      { number: 6, head: "cleanup", body: "Follow-up to INC-20260203-001" },
      "2026-02-03T14:44:00Z",
    );
    // Nothing freezes, but the pull request still gets its (passing) check, so it can be required.
    expect(github.requests.slice(0, 4)).toEqual([
      "PullRequestContext",
      "POST /issues/6/comments",
      "POST /check-runs",
      "IncidentHistory",
    ]);
    expect(String(github.bodies[1]?.body.body)).toContain("<!-- incident-app:link issue=1 -->");
    expect(github.bodies[2]?.body).toMatchObject({
      conclusion: "success",
      output: { title: "No merge freeze" },
    });
  });
});

describe("deployment_status events", () => {
  it("put a finished deployment of the default branch on every open incident's timeline", async () => {
    const builder = declared("2026-02-03T14:39:00Z");
    builder.history.code.deployments = [
      {
        id: 3,
        sha: "d".repeat(40),
        environment: "production",
        ref: "main",
        createdAt: new Date("2026-02-03T14:38:00Z"),
        creator: "dave",
        description: null,
        statuses: [
          { state: "SUCCESS", at: new Date("2026-02-03T14:39:00Z"), by: "dave", description: "Deploy #124" },
        ],
      },
    ];
    const github = historyGitHub(builder, "2026-02-03T14:39:01Z", {
      OpenIncidents: () => ({ repository: { incidents: { nodes: [{ number: 1, title: INCIDENT.title }] } } }),
    });
    const payload = examplePayload("deployment_status", "created");
    const probot = testProbot();
    probot.load(createApp({ clock: () => new Date("2026-02-03T14:39:00Z"), botLogin: async () => BOT }));
    await probot.receive({ id: "d-deploy", name: "deployment_status", payload } as unknown as ReceiveEvent);
    expect(github.requests).toEqual(["OpenIncidents", "IncidentHistory", "UpdateComment"]);
    const timeline = builder.history.items.find(
      (item) => item.type === "comment" && item.body.includes("incident-app:timeline"),
    );
    expect(timeline?.type === "comment" ? timeline.body : "").toContain(
      "Deployment to production succeeded (`ddddddd`)",
    );
  });
});
