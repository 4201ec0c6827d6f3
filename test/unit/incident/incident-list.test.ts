import { validate } from "@octokit/graphql-schema";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { incidentListText, listIncidents } from "../../../src/features/incident/incident-list.js";
import type { GraphqlClient } from "../../../src/github/client.js";
import { OPEN_INCIDENT_LIST_QUERY } from "../../../src/github/queries-incident-list.js";
import { incidentSearchQuery, readIncidentList } from "../../../src/github/read-incident-list.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { declaredBuilder } from "../../support/declared-builder.js";
import { BOT, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
const now = new Date("2026-02-03T15:00:00Z");

/** A declared SEV-2 (from the form at 14:23) in `repo`, changed by `commands` typed by bob. */
function incident(
  repo: string,
  number: number,
  options: { private?: boolean; commands?: string[]; title?: string } = {},
) {
  const builder = declaredBuilder("2026-02-03T14:23:02Z");
  const { history } = builder;
  history.repo = {
    ...history.repo,
    nameWithOwner: repo,
    url: `https://github.com/${repo}`,
    private: options.private ?? false,
  };
  history.issue = { ...history.issue, number, url: `https://github.com/${repo}/issues/${number}` };
  if (options.title) history.issue.title = options.title;
  let minute = 30;
  for (const command of options.commands ?? [])
    builder.comment(command, `2026-02-03T14:${minute++}:00Z`, user("bob"));
  return history;
}

describe("/incidents", () => {
  it("asks GitHub one search for the open issues with the (renamed) label in the account's repositories", () => {
    expect(validate(OPEN_INCIDENT_LIST_QUERY)).toEqual([]);
    expect(
      incidentSearchQuery({ account: "acme", accountType: "Organization", incidentLabel: "incident" }),
    ).toBe("is:open is:issue label:incident org:acme");
    expect(incidentSearchQuery({ account: "dana", accountType: "User", incidentLabel: "sev incident" })).toBe(
      'is:open is:issue label:"sev incident" user:dana',
    );
  });

  it("lists the most severe first, then the oldest, with status, age, IC and the next deadline", () => {
    const shop = incident("acme/shop", 1, { private: true, commands: ["/ack", "/status identified"] });
    const api = incident("acme/api", 7, { private: true, commands: ["/severity SEV-1"] });
    const list = listIncidents([shop, api], ctx, now, { repo: "acme/shop", private: true });
    expect(list.restricted).toBe(0);
    expect(list.rows.map((row) => [row.repo, row.severity, row.status, row.ic])).toEqual([
      ["acme/api", "SEV-1", "investigating", []],
      ["acme/shop", "SEV-2", "identified", ["bob"]],
    ]);
    const text = incidentListText(list, { repo: "acme/shop", private: true }, now);
    expect(text).toContain("🚨 2 open incidents, most severe first, then oldest first:");
    expect(text).toContain("| Incident | Severity | Status | Age | IC | Next deadline |");
    // SEV-1: ack within 5 min of detection (14:23), long overdue; the other names its repository only when elsewhere.
    expect(text).toMatch(
      /\| \[INC-20260203-001\]\(https:\/\/github\.com\/acme\/api\/issues\/7\) Search returns no results · acme\/api \| SEV-1 \| investigating \| 37m \| _none_ \| ⚠️ acknowledge overdue by 32m \|/,
    );
    expect(text).toMatch(
      /\| \[INC-20260203-001\]\(https:\/\/github\.com\/acme\/shop\/issues\/1\) Search returns no results \| SEV-2 \| identified \| 37m \| `bob` \| /,
    );
  });

  it("in a public repository, never lists a security incident or one kept in a private repository", () => {
    const open = incident("acme/site", 2);
    const security = incident("acme/site", 3, { commands: ["/security"] });
    const secret = incident("acme/incidents", 4, { private: true });
    const place = { repo: "acme/site", private: false };
    const list = listIncidents([open, security, secret], ctx, now, place);
    expect(list.rows.map((row) => row.url)).toEqual(["https://github.com/acme/site/issues/2"]);
    expect(list.restricted).toBe(2);
    expect(incidentListText(list, place, now)).toContain("🔒 2 restricted incidents not shown");
    const one = listIncidents([secret], ctx, now, place);
    const text = incidentListText(one, place, now);
    expect(text).toContain("✅ No open incidents.");
    expect(text).toContain("🔒 1 restricted incident not shown");
    // In a private repository everything is listed.
    expect(
      listIncidents([open, security, secret], ctx, now, { repo: "acme/incidents", private: true }).rows,
    ).toHaveLength(3);
  });

  it("skips resolved incidents and issues the app never declared (a copied marker counts for nothing)", () => {
    const resolved = incident("acme/shop", 5, { commands: ["/resolve fixed"] });
    const plain = incident("acme/shop", 6);
    plain.items = plain.items.filter((item) => item.type !== "comment" && item.type !== "renamed");
    const list = listIncidents([resolved, plain], ctx, now, { repo: "acme/shop", private: true });
    expect(list.rows).toEqual([]);
    expect(incidentListText(list, { repo: "acme/shop", private: true }, now)).toBe("✅ No open incidents.");
  });

  it("reads up to 100 incidents in one request, and pages only past 100", async () => {
    const calls: Array<Record<string, unknown>> = [];
    const issue = (n: number) => ({
      __typename: "Issue",
      id: `I_${n}`,
      number: n,
      title: `Incident ${n}`,
      body: "",
      url: `https://github.com/acme/shop/issues/${n}`,
      state: "OPEN",
      createdAt: "2026-02-03T14:23:00Z",
      closedAt: null,
      author: { __typename: "User", login: "alice" },
      authorAssociation: "MEMBER",
      assignees: { nodes: [] },
      labels: { nodes: [] },
      timelineItems: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
      repository: {
        id: "R_1",
        nameWithOwner: "acme/shop",
        url: "https://github.com/acme/shop",
        isPrivate: true,
      },
    });
    const client = (total: number): GraphqlClient =>
      ({
        graphql: async (_query: string, variables: Record<string, unknown>) => {
          calls.push(variables);
          const start = variables.after === null ? 0 : Number(variables.after);
          const end = Math.min(total, start + 100);
          return {
            search: {
              issueCount: total,
              pageInfo: { hasNextPage: end < total, endCursor: String(end) },
              nodes: Array.from({ length: end - start }, (_, k) => issue(start + k + 1)),
            },
          };
        },
      }) as unknown as GraphqlClient;
    const scope = { account: "acme", accountType: "Organization" as const, incidentLabel: "incident" };
    expect(await readIncidentList(client(100), scope)).toHaveLength(100);
    expect(calls).toEqual([{ search: "is:open is:issue label:incident org:acme", after: null }]);
    calls.length = 0;
    expect(await readIncidentList(client(150), scope)).toHaveLength(150);
    expect(calls.map((c) => c.after)).toEqual([null, "100"]);
  });
});
