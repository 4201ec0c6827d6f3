import { describe, expect, it } from "vitest";
import { parseComment } from "../../../src/commands/index.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideIncident } from "../../../src/features/incident/decide-incident.js";
import type { DecideInput } from "../../../src/features/incident/decide-input.js";
import { parseContext } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({
  organisation: { repository: "acme/incidents" },
  security: { repository: "acme/vault" },
});
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
const now = new Date("2026-02-03T15:00:00Z");

function incidentWith(command: string) {
  return new HistoryBuilder({ body: FORM_BODY })
    .label("incident", "2026-02-03T14:23:00Z")
    .comment(command, "2026-02-03T14:40:00Z", user("bob"), { databaseId: 77 }).history;
}

function decide(history: ReturnType<typeof incidentWith>, extra: Partial<DecideInput> = {}) {
  return decideIncident({ ...ctx, history, now, checkLabels: false, ...extra });
}

const replies = (plan: ReturnType<typeof decide>["plan"]) =>
  plan.flatMap((write) => (write.kind === "add-comment" && write.purpose === "reply" ? [write.body] : []));

describe("/move", () => {
  it("parses a bare move and one naming a repository, and refuses anything else", () => {
    const lines = parseComment(
      "/move\n/move acme/incidents\n/move somewhere else",
      parseContext(config, now),
    );
    expect(lines.map((line) => (line.ok ? line.command : line.error.kind))).toEqual([
      { kind: "move" },
      { kind: "move", repository: "acme/incidents" },
      "bad-argument",
    ]);
  });

  it("waits until the incident is declared and written before moving", () => {
    const history = incidentWith("/move");
    const first = decide(history);
    // Not yet: the declaration, labels and timeline are written first, in its own repository.
    expect(first.relocate).toBeUndefined();
    expect(first.plan.length).toBeGreaterThan(0);
  });

  it("names the allowed repositories when another one is asked for", () => {
    const { plan, relocate } = decide(incidentWith("/move acme/web"));
    expect(relocate).toBeUndefined();
    expect(replies(plan).join("\n")).toContain(
      "`acme/web` is not where this organisation keeps incidents. Type `/move acme/incidents` or `/move acme/vault`",
    );
  });

  it("says what to do when no incidents repository is configured", () => {
    const bare = ConfigSchema.parse({});
    const { plan } = decideIncident({
      ...ctx,
      config: bare,
      history: incidentWith("/move"),
      now,
      checkLabels: false,
    });
    expect(replies(plan).join("\n")).toContain("Set `organisation.repository: owner/name`");
  });

  it("answers a move that failed with GitHub's reason and what to type, once", () => {
    const history = incidentWith("/move acme/vault");
    const { plan } = decide(history, {
      moveCommandFailure: { key: "move:77:1", reason: "the app cannot see `acme/vault`", why: "not-visible" },
    });
    const text = replies(plan).join("\n");
    expect(text).toContain("Could not move this incident to `acme/vault`:** the app cannot see `acme/vault`");
    expect(text).toContain("It stays in `acme/shop`");
    expect(text).toContain("then type `/move acme/vault` again");
    expect(text).toContain("key=move:77:1");
  });

  it("asks a security incident leaving for a public repository to use the security repository", () => {
    const history = incidentWith("/move");
    const { plan } = decide(history, {
      moveCommandFailure: { key: "move:77:1", reason: "`acme/incidents` is public", why: "public" },
    });
    expect(replies(plan).join("\n")).toContain(
      "Type `/move acme/vault` to move it to the security repository",
    );
  });

  it("says where it came from once it arrived", () => {
    const history = incidentWith("/move");
    history.repo.nameWithOwner = "acme/incidents";
    history.items.push({
      type: "transferred",
      at: new Date("2026-02-03T14:41:00Z"),
      actor: user("bob"),
      from: "acme/shop",
      fromPrivate: false,
    } as (typeof history.items)[number]);
    const { plan, relocate } = decide(history);
    expect(relocate).toBeUndefined();
    expect(replies(plan).join("\n")).toContain("Moved here from `acme/shop`");
  });
});
