import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseSweepArgs } from "../../src/cli.js";
import { clearConfigCache } from "../../src/config/config-cache.js";
import { asOctokit } from "../../src/github/client.js";
import { formatSweepReport, runSweep } from "../../src/pipelines/run-sweep.js";
import { ITEM_BODY } from "../support/action-item-facts.js";
import { BOT } from "../support/history-builder.js";
import { respondingGitHub } from "../support/nock-github.js";
import { TestOctokit } from "../support/probot.js";

/** The sweep's runner with nock: the read, then one comment per reminder; nothing in a dry run. */
const NOW = new Date("2026-02-05T09:00:00Z");
const octokit = () => asOctokit(new TestOctokit({ auth: { token: "ghs_test" } }));

function page(reminded: boolean) {
  return {
    data: {
      repository: {
        id: "R_1",
        nameWithOwner: "acme/shop",
        url: "https://github.com/acme/shop",
        configFile: null,
        openIncidents: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        closedIncidents: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        actionItems: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [
            {
              id: "I_7",
              number: 7,
              title: "Add an alert",
              url: "https://github.com/acme/shop/issues/7",
              body: ITEM_BODY,
              author: { __typename: "Bot", login: "incident-bot" },
              comments: {
                nodes: reminded
                  ? [
                      {
                        body: "<!-- incident-app:reminder key=item:soon:2026-02-06 -->",
                        author: { __typename: "Bot", login: "incident-bot" },
                      },
                    ]
                  : [],
              },
            },
          ],
        },
      },
    },
  };
}

beforeEach(() => {
  nock.disableNetConnect();
  clearConfigCache();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("runSweep", () => {
  it("reads once and posts the reminder that is due, on the item", async () => {
    const github = respondingGitHub(({ name }) => {
      if (name.startsWith("GET ")) return { status: 404, body: { message: "Not Found" } };
      if (name === "SweepRepository") return { body: page(false) };
      if (name === "AddReminder")
        return { body: { data: { addComment: { commentEdge: { node: { id: "IC_1" } } } } } };
      return null;
    });
    const report = await runSweep({
      octokit: octokit(),
      repos: ["acme/shop"],
      now: NOW,
      dryRun: false,
      botLogin: BOT,
    });
    expect(github.requests).toEqual([
      "GET /repos/acme/shop/contents/.github/incident.yml",
      "GET /repos/acme/.github/contents/.github/incident.yml",
      "SweepRepository",
      "AddReminder",
    ]);
    expect(github.bodies[2]).toMatchObject({
      withOpen: true,
      withItems: true,
      incidentLabel: "incident",
      actionItemLabel: "action-item",
    });
    expect(github.bodies[3]).toMatchObject({ subjectId: "I_7" });
    expect(String(github.bodies[3]?.body)).toContain(
      "<!-- incident-app:reminder key=item:soon:2026-02-06 -->",
    );
    expect(formatSweepReport(report, false)).toBe(
      "acme/shop: posted 1\n  #7 action item due soon (due 2026-02-06) → @dave",
    );
  });

  it("posts nothing when the window was served, and nothing at all in a dry run", async () => {
    const served = respondingGitHub(({ name }) =>
      name.startsWith("GET ")
        ? { status: 404, body: {} }
        : name === "SweepRepository"
          ? { body: page(true) }
          : null,
    );
    expect(
      (await runSweep({ octokit: octokit(), repos: ["acme/shop"], now: NOW, dryRun: false, botLogin: BOT }))
        .actions,
    ).toEqual([]);
    expect(served.requests.filter((r) => r === "AddReminder")).toEqual([]);
    nock.cleanAll();
    clearConfigCache();
    const dry = respondingGitHub(({ name }) =>
      name.startsWith("GET ")
        ? { status: 404, body: {} }
        : name === "SweepRepository"
          ? { body: page(false) }
          : null,
    );
    const report = await runSweep({
      octokit: octokit(),
      repos: ["acme/shop"],
      now: NOW,
      dryRun: true,
      botLogin: BOT,
    });
    expect(report.repos[0]?.plan).toEqual(["#7 action item due soon (due 2026-02-06) → @dave"]);
    expect(dry.requests.filter((r) => r === "AddReminder")).toEqual([]);
    expect(formatSweepReport(report, true)).toContain("would post 1");
  });
});

describe("incident-app sweep arguments", () => {
  it.each([
    [["--repo", "acme/shop", "--dry-run"], {}, { repos: ["acme/shop"], dryRun: true }],
    [[], { GITHUB_REPOSITORY: "acme/shop" }, { repos: ["acme/shop"], dryRun: false }],
    [
      ["--now", "2026-02-05T09:00:00Z", "--repo", "a/b", "--repo", "c/d"],
      {},
      { repos: ["a/b", "c/d"], now: NOW },
    ],
    [["--bot-login", "incident-bot[bot]", "--repo", "a/b"], {}, { botLogin: "incident-bot[bot]" }],
  ] as const)("%j", (args, env, expected) => {
    expect(parseSweepArgs([...args], env)).toMatchObject(expected);
  });

  it.each([
    [["--repo"], "unknown or incomplete option: --repo"],
    [["--now", "yesterday", "--repo", "a/b"], "unknown or incomplete option: --now"],
    [[], "name a repository with --repo owner/name (or set GITHUB_REPOSITORY)"],
  ])("refuses %j", (args, message) => {
    expect(parseSweepArgs(args, {})).toBe(message);
  });
});
