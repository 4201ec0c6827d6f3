import { botOctokit, githubSchema, type Simulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIG_EXPRESSION } from "../../src/config/config-file-name.js";
import {
  ACTION_ITEM_QUERY,
  ADD_NOTICE_MUTATION,
  ADD_PROJECT_ITEM_MUTATION,
  setProjectFieldsMutation,
} from "../../src/github/queries-action-items.js";
import { ADD_REMINDER_MUTATION, SWEEP_QUERY, SWEEP_VIEWER_QUERY } from "../../src/github/queries-sweep.js";
import { listAt, seededSimulator, textAt } from "./contract-world.js";

/** Projects v2 and the queries of action items and the sweep, executed against GitHub's schema. */
let sim: Simulator;
let app: Octokit;
let issueId: string;

const variables = (number: number) => ({
  owner: "acme",
  repo: "svc",
  number,
  incident: 0,
  withIncident: false,
  projectOwner: "acme",
  projectNumber: 1,
  withProject: true,
  configExpression: CONFIG_EXPRESSION,
});

beforeAll(async () => {
  sim = await seededSimulator();
  sim.createOrgProject("acme", {
    title: "Follow-ups",
    fields: [
      { name: "Due", dataType: "DATE" },
      { name: "Priority", dataType: "SINGLE_SELECT", options: ["High", "Low"] },
    ],
  });
  app = await botOctokit(sim);
  const { data } = await app.rest.issues.create({ owner: "acme", repo: "svc", title: "Add an alert" });
  issueId = data.node_id;
});
afterAll(() => sim.close());

describe("the app's GraphQL documents for action items and the sweep", () => {
  it.each([
    ["ActionItem", ACTION_ITEM_QUERY],
    ["AddProjectItem", ADD_PROJECT_ITEM_MUTATION],
    ["SetProjectFields", setProjectFieldsMutation([{ clear: false }, { clear: true }])],
    ["AddNotice", ADD_NOTICE_MUTATION],
    ["SweepRepository", SWEEP_QUERY],
    ["AddReminder", ADD_REMINDER_MUTATION],
    ["SweepViewer", SWEEP_VIEWER_QUERY],
  ])("%s only uses what GitHub's schema has", (_name, document) => {
    expect(validate(githubSchema(), parse(document)).map((e) => e.message)).toEqual([]);
  });
});

describe("Projects v2 in the simulator", () => {
  it("reads the board's fields and options through the organisation", async () => {
    const data = await app.graphql(ACTION_ITEM_QUERY, variables(1));
    expect(textAt(data, "organization.projectV2.title")).toBe("Follow-ups");
    const fields = listAt(data, "organization.projectV2.fields.nodes") as Array<Record<string, unknown>>;
    expect(fields.map((f) => [f.__typename, f.name, f.dataType])).toEqual([
      ["ProjectV2Field", "Due", "DATE"],
      ["ProjectV2SingleSelectField", "Priority", "SINGLE_SELECT"],
    ]);
    const options = (fields[1]?.options ?? []) as Array<{ name: string }>;
    expect(options.map((o) => o.name)).toEqual(["High", "Low"]);
  });

  it("adds an issue once (adding it again returns the same item) and sets and clears values", async () => {
    const projectId = textAt(await app.graphql(ACTION_ITEM_QUERY, variables(1)), "organization.projectV2.id");
    const added = await app.graphql(ADD_PROJECT_ITEM_MUTATION, { projectId, contentId: issueId });
    const again = await app.graphql(ADD_PROJECT_ITEM_MUTATION, { projectId, contentId: issueId });
    const itemId = textAt(added, "addProjectV2ItemById.item.id");
    expect(textAt(again, "addProjectV2ItemById.item.id")).toBe(itemId);
    const read = await app.graphql(ACTION_ITEM_QUERY, variables(1));
    const [due, priority] = listAt(read, "organization.projectV2.fields.nodes") as Array<{
      id: string;
      options?: Array<{ id: string }>;
    }>;
    await app.graphql(setProjectFieldsMutation([{ clear: false }, { clear: false }]), {
      projectId,
      itemId,
      f0: due?.id,
      v0: { date: "2026-02-06" },
      f1: priority?.id,
      v1: { singleSelectOptionId: priority?.options?.[0]?.id },
    });
    expect(sim.projectBoard("acme", 1)).toEqual([
      { issue: 1, values: { Due: "2026-02-06", Priority: "High" } },
    ]);
    const values = listAt(
      await app.graphql(ACTION_ITEM_QUERY, variables(1)),
      "repository.issue.projectItems.nodes.0.fieldValues.nodes",
    );
    expect(values).toEqual([
      { __typename: "ProjectV2ItemFieldDateValue", date: "2026-02-06", field: { id: due?.id, name: "Due" } },
      {
        __typename: "ProjectV2ItemFieldSingleSelectValue",
        optionId: priority?.options?.[0]?.id,
        name: "High",
        field: { id: priority?.id, name: "Priority" },
      },
    ]);
    await app.graphql(setProjectFieldsMutation([{ clear: true }]), { projectId, itemId, f0: due?.id });
    expect(sim.projectBoard("acme", 1)[0]?.values).toEqual({ Priority: "High" });
    await expect(
      app.graphql(setProjectFieldsMutation([{ clear: false }]), {
        projectId,
        itemId,
        f0: priority?.id,
        v0: { singleSelectOptionId: "nope" },
      }),
    ).rejects.toThrow(/option/);
  });

  it("refuses an app without the organisation projects permission, on the project's path only", async () => {
    sim.setAppProjectAccess("acme", "none");
    try {
      const error = (await app.graphql(ACTION_ITEM_QUERY, variables(1)).catch((e: unknown) => e)) as {
        errors: Array<{ type: string; path: string[] }>;
        data: unknown;
      };
      expect(error.errors).toEqual([
        expect.objectContaining({
          type: "FORBIDDEN",
          path: ["organization", "projectV2"],
          message: "Resource not accessible by integration",
        }),
      ]);
      expect(textAt(error.data, "repository.issue.title")).toBe("Add an alert");
    } finally {
      sim.setAppProjectAccess("acme", "write");
    }
  });
});
