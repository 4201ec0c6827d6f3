import { githubSchema } from "@incident-app/github-simulator";
import { getOperationAST, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { extrasDocument } from "../../src/github/history-extras.js";
import * as queries from "../../src/github/queries.js";

/** The operations graphql-queries.test.ts executes; a new document in queries.ts needs a test there. */
/** Executed in graphql-queries.test.ts, and the code documents in code-graphql.test.ts. */
const COVERED = [
  "AddComment",
  "AddReaction",
  "CloseIssue",
  "CommitStatusSite",
  "DeleteComment",
  "DeployedCommits",
  "IncidentHistory",
  "IncidentHistoryPage",
  "OpenIncidents",
  "PullRequestContext",
  "RecurrenceElsewhere",
  "ReopenIssue",
  "ResolveRef",
  "RevertPullRequest",
  "RevertTarget",
  "TemplateOverrides",
  "UpdateComment",
  "UpdateIssue",
];

describe("src/github/queries.ts", () => {
  const documents = Object.values(queries).filter(
    (v: unknown): v is string => typeof v === "string" && /^\s*(query|mutation)\b/.test(v),
  );

  it("has an execution test (graphql-queries.test.ts, graphql-trees.test.ts) for every document", () => {
    const names = documents.map((doc) => getOperationAST(parse(doc))?.name?.value ?? "(anonymous)");
    expect(names.sort()).toEqual(COVERED);
  });

  it("only uses what GitHub's schema has", () => {
    for (const doc of documents)
      expect(validate(githubSchema(), parse(doc)).map((e) => e.message)).toEqual([]);
  });
});

describe("IncidentHistory with what the comment asks for (history-extras.ts)", () => {
  it("only uses what GitHub's schema has, with the site and named pull requests", () => {
    const site = {
      owner: "o",
      repo: "r",
      incidentLabel: "incident",
      since: new Date(0),
      branch: "gh-pages",
      folder: "status",
    };
    for (const extras of [{}, { site }, { pulls: [7, 8] }, { site, pulls: [7] }])
      expect(validate(githubSchema(), parse(extrasDocument(extras))).map((e) => e.message)).toEqual([]);
  });
});
