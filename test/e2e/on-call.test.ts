import { afterEach, describe, expect, it } from "vitest";
import { sweepNow } from "../support/sweep-now.js";
import { type OutwardHarness, startOutwardHarness } from "./outward-harness.js";

// A daily rotation handing over at 15:00 UTC, and carol covering dave's shift on the 4th.
const CONFIG = `onCall:
  rotation: { users: ["@alice", "@bob", "@dave"], start: "2026-02-01T15:00:00Z", every: 1d }
  overrides:
    - { from: "2026-02-04T15:00:00Z", until: "2026-02-05T15:00:00Z", primary: "@carol" }
escalation:
  - { after: 1h, when: unacknowledged, notify: [primary] }
`;

describe("on call now (simulator)", () => {
  let h: OutwardHarness;
  afterEach(async () => h?.close());

  it("/oncall names who is on call now and next, overrides included; escalation asks the shift it fires in", async () => {
    h = await startOutwardHarness(CONFIG);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    await h.comment("bob", number, "/oncall");
    const reply = (await h.appComments(number)).find((body) => body.includes("On call now"));
    expect(reply).toContain(
      "📟 On call now: primary `@bob`, secondary `@dave` (until 2026-02-03 15:00 UTC).",
    );
    expect(reply).toContain("Next, from 2026-02-03 15:00 UTC: primary `@dave`, secondary `@alice`.");

    // Declared during bob's shift; the escalation fires at 15:30, in dave's.
    h.clock.set(new Date("2026-02-03T15:30:00Z"));
    await sweepNow(h, "search");
    const escalation = (await h.appComments(number)).find((body) => body.includes("incident-app:escalation"));
    expect(escalation).toContain("@dave");
    expect(escalation).not.toContain("@bob");

    h.clock.set(new Date("2026-02-04T16:00:00Z"));
    await h.comment("bob", number, "/oncall");
    const later = (await h.appComments(number)).filter((body) => body.includes("On call now")).at(-1);
    expect(later).toContain("primary `@carol`");
    expect(later).toContain("(until 2026-02-05 15:00 UTC)");
  });
});

describe("on call per service (simulator)", () => {
  let h: OutwardHarness;
  afterEach(async () => h?.close());

  it("an affected service's own on-call is assigned and answers /oncall instead of the top-level one", async () => {
    h = await startOutwardHarness(`onCall:
  primary: ["@alice"]
services:
  search:
    onCall:
      primary: ["@carol"]
      secondary: ["@bob"]
`);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    const { data: issue } = await h.sim
      .as("bob")
      .rest.issues.get({ owner: "acme", repo: "search", issue_number: number });
    expect(issue.assignees?.map((a) => a.login)).toEqual(["carol"]);
    await h.comment("bob", number, "/oncall");
    const reply = (await h.appComments(number)).find((body) => body.includes("On call now"));
    expect(reply).toContain("📟 On call now: primary `@carol`, secondary `@bob`");
  });
});
