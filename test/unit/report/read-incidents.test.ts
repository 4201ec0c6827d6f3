import { validate } from "@octokit/graphql-schema";
import { describe, expect, it } from "vitest";
import { REPORT_INCIDENTS_QUERY } from "../../../src/github/queries-report.js";
import { readIncidents } from "../../../src/github/read-incidents.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { ctx, fixedHistories } from "../../fixtures/report/fixed-history.js";
import { fakeGraphql } from "./fake-graphql.js";

describe("readIncidents", () => {
  it("sends a query valid against GitHub's schema", () => {
    expect(validate(REPORT_INCIDENTS_QUERY)).toEqual([]);
  });

  it("reads every page of issues and the rest of long histories, projecting each like the app", async () => {
    const histories = fixedHistories();
    const client = fakeGraphql(histories, {
      pageSize: 4,
      firstPageItems: 3,
      closeReasons: { 6: "NOT_PLANNED" },
    });
    const records = await readIncidents(client, "acme/shop", ctx);

    expect(records.map((r) => r.number)).toEqual(histories.map((h) => h.issue.number));
    const reads = client.calls.filter((c) => c.operation === "ReportIncidents");
    expect(reads.map((c) => c.variables.cursor)).toEqual([null, "P4", "P8"]);
    expect(reads[0]?.variables).toMatchObject({ owner: "acme", repo: "shop", label: "incident" });
    // Histories of more than three items (the first page here) continue with IncidentHistoryPage.
    const longOnes = histories.filter((h) => h.items.length > 3).length;
    expect(client.calls.filter((c) => c.operation === "IncidentHistoryPage")).toHaveLength(longOnes);

    const reopened = records.find((r) => r.number === 4);
    const expected = project(histories[3] as (typeof histories)[number], ctx);
    expect(reopened?.state.times).toEqual(expected.times);
    expect(reopened?.state.severity).toBe("SEV-2");
    expect(records.find((r) => r.number === 6)?.closeReason).toBe("NOT_PLANNED");
    expect(records.find((r) => r.number === 7)?.closeReason).toBeNull();
  });

  it("refuses a repo that is not owner/name", async () => {
    await expect(readIncidents(fakeGraphql([]), "shop", ctx)).rejects.toThrow(/owner\/name/);
  });
});
