import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { findRecurrences } from "../../../src/features/incident/recurrence.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const formTemplate = readFormTemplate();
const ctx = { config, botLogin: BOT, formTemplate };
const WINDOW = 90 * 86_400_000;
const url = (n: number) => `https://github.com/acme/shop/issues/${n}`;
const past = (number: number, services: string, at: string) => ({
  number,
  title: `Incident ${number}`,
  url: url(number),
  createdAt: new Date(at),
  body: FORM_BODY.replace("### Affected services\n\nsearch", `### Affected services\n\n${services}`),
});
const item = (number: number, incident: number, author = bot) => ({
  number,
  title: `Item ${number}`,
  url: url(number),
  body: `Incident: #${incident}\n\n<!-- incident-app:action-item incident=${incident} key=c1-1 -->`,
  author,
});

describe("findRecurrences", () => {
  const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
  builder.history.issue.number = 30;
  const state = project(builder.history, ctx);

  it("is null when the read did not look (not declaring)", () => {
    expect(findRecurrences(state, builder.history, BOT, formTemplate, WINDOW)).toBeNull();
  });

  it("matches earlier incidents on a shared service (any case) with the app's open items only", () => {
    builder.history.repo.pastIncidents = [
      past(30, "search", "2026-02-03T14:23:00Z"),
      past(21, "Search, api", "2026-01-20T10:00:00Z"),
      past(20, "api", "2026-01-10T10:00:00Z"),
      // Updated lately (so read), created before the window: not a recurrence.
      past(5, "search", "2025-09-01T10:00:00Z"),
    ];
    builder.history.repo.openActionItems = [item(25, 21), item(26, 21, user("mallory")), item(27, 20)];
    expect(findRecurrences(state, builder.history, BOT, formTemplate, WINDOW)).toEqual([
      {
        repo: null,
        number: 21,
        title: "Incident 21",
        url: url(21),
        createdAt: new Date("2026-01-20T10:00:00Z"),
        services: ["Search"],
        openItems: [{ number: 25, title: "Item 25", url: url(25) }],
      },
    ]);
  });
});
