import { afterEach, describe, expect, it } from "vitest";
import { type OutwardHarness, startOutwardHarness } from "./outward-harness.js";

/** Recurrence (§8): declaring names earlier incidents on the same service with their open action items. */
const CONFIG = `services:
  search: {}
`;

describe("recurrence on declaration (simulator)", () => {
  let h: OutwardHarness;
  afterEach(async () => h?.close());

  it("names the earlier incident on the same service and links its open action item", async () => {
    h = await startOutwardHarness(CONFIG);
    h.clock.set(new Date("2026-01-20T10:00:00Z"));
    const earlier = await h.declare();
    h.clock.set(new Date("2026-01-20T11:00:00Z"));
    await h.comment(
      "bob",
      earlier,
      "/resolve cache flushed\n/action Alert on empty search results @bob due:2026-02-20",
    );
    h.clock.set(new Date("2026-01-21T09:00:00Z"));
    await h.comment("bob", earlier, "/action Add a canary query @bob due:2026-01-25");
    const items = await h.sim
      .as("bob")
      .rest.issues.listForRepo({ owner: "acme", repo: "search", labels: "action-item" });
    const canary = items.data.find((item) => item.title.startsWith("Add a canary"));
    if (!canary) throw new Error("no action item");
    await h.sim
      .as("bob")
      .rest.issues.update({ owner: "acme", repo: "search", issue_number: canary.number, state: "closed" });
    await h.settle();

    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const now = await h.declare();
    const declaration =
      (await h.appComments(now)).find((body) => body.includes("incident-app:declaration")) ?? "";
    expect(declaration).toContain(
      "🔁 **Recurrence:** an earlier incident on the same service, with action items still open:",
    );
    expect(declaration).toMatch(
      new RegExp(
        `\\[#${earlier}\\]\\([^)]+\\) \\[INC-20260120-001\\] Search returns no results \\(2026-01-20, search\\)`,
      ),
    );
    expect(declaration).toContain("still open: [#");
    expect(declaration).toContain("Alert on empty search results");
    expect(declaration).not.toContain("Add a canary query");

    // The earlier incident's own declaration named nothing.
    const first =
      (await h.appComments(earlier)).find((body) => body.includes("incident-app:declaration")) ?? "";
    expect(first).not.toContain("Recurrence");
  });
});
