import type { GitData } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDemo } from "../../scripts/demo/check-demo.js";
import { committedFiles } from "../../scripts/demo/committed-files.js";
import { startDemoReceiver } from "../../scripts/demo/outward-output.js";
import { readActionItems } from "../../scripts/demo/read-action-items.js";
import { type DemoResult, playDemo } from "../../scripts/demo/run-demo.js";
import { OWNER, REPO } from "../../scripts/demo/scenario.js";
import type { IssueHistory } from "../../src/kernel/history.js";
import { trustedMarkers } from "../../src/kernel/markers.js";
import { type Harness, startHarness } from "../support/harness.js";
import { timelineRows } from "../support/incident-fixture.js";
import { readAsPerson } from "../support/transcript.js";

/** The demo incident (seed plan 000's example) end to end: what people see, and what it cost. */
let harness: Harness;
let history: IssueHistory;
let timeline: string;
let demo: DemoResult;

let receiver: Awaited<ReturnType<typeof startDemoReceiver>>;

beforeAll(async () => {
  receiver = await startDemoReceiver();
  harness = await startHarness({ chat: { env: () => process.env } });
  demo = await playDemo(harness);
  history = await readAsPerson(harness.sim.as("alice"), OWNER, REPO, demo.issue);
  const comments = history.items.flatMap((item) => (item.type === "comment" ? [item] : []));
  timeline =
    comments.find((item) => trustedMarkers(item, harness.sim.botLogin).some((m) => m.kind === "timeline"))
      ?.body ?? "";
});
afterAll(async () => {
  await harness.close();
  await receiver.close();
});

/** App requests per delivery, keyed `event:firstCommandWord` in delivery order. */
function requestsPerDelivery() {
  const counts = new Map<string, number>();
  for (const entry of harness.sim.appRequests()) {
    if (!entry.delivery) continue;
    counts.set(entry.delivery, (counts.get(entry.delivery) ?? 0) + 1);
  }
  return harness.sim.deliveries.map((delivery) => {
    const payload = delivery.payload as { comment?: { body?: string }; label?: { name?: string } };
    const body = payload.comment?.body ?? "";
    // Comments with more than one command are not single-effect: counted apart.
    const commands = body.match(/^\/\w+/gm) ?? [];
    const word =
      commands.length > 1
        ? "several"
        : (body.match(/^\/(\w+(?: public)?)/m)?.[1] ?? payload.label?.name ?? "");
    return { what: `${delivery.event}.${delivery.action}:${word}`, requests: counts.get(delivery.id) ?? 0 };
  });
}

describe("the demo incident", () => {
  it("passes the demo's own checks", () => {
    const state = harness.sim.snapshot() as { repos: Array<{ owner: string; name: string; git: GitData }> };
    const repo = state.repos.find((r) => r.owner === OWNER && r.name === REPO);
    const files = repo ? committedFiles(repo.git, harness.sim.botLogin) : new Map<string, string>();
    return readActionItems(harness.sim, history).then((items) =>
      expect(checkDemo({ history, items, sim: harness.sim, sweeps: demo.sweeps, files })).toEqual([]),
    );
  });

  it("records the seven events of the plan's example at their times", () => {
    const rows = timelineRows(timeline);
    const at = (time: string, pattern: RegExp) =>
      rows.some((row) => row.startsWith(`| ${time} |`) && pattern.test(row));
    expect(at("14:15", /Deploy #123 completed.*back-dated/)).toBe(true);
    expect(at("14:23", /Declared \*\*SEV-2\*\*/)).toBe(true);
    expect(at("14:25", /Acknowledged/)).toBe(true);
    expect(at("14:25", /Incident commander: @bob/)).toBe(true);
    expect(at("14:30", /→ \*\*identified\*\*/)).toBe(true);
    expect(at("14:35", /→ \*\*mitigating\*\*: “Rollback initiated”/)).toBe(true);
    expect(at("14:40", /→ \*\*monitoring\*\*, mitigated/)).toBe(true);
    expect(at("15:10", /Resolved/)).toBe(true);
  });

  it("shows 47 minutes declared → resolved and marks the SEV-2 targets met", () => {
    expect(timeline).toContain("| Acknowledged | 14:25 | 2m to acknowledge | ✅ met (target 15m) |");
    expect(timeline).toContain("| Mitigated | 14:40 | 15m to mitigate | ✅ met (target 30m) |");
    expect(timeline).toContain("| Resolved | 15:10 | 47m to resolve | ✅ met (target 4h) |");
  });

  it("keeps the edited note's new text and answers the typo and the outsider", () => {
    expect(timeline).toContain("Rolling back to deployment #122 (last known good)");
    expect(timeline).not.toContain("Rolling back to the previous deployment");
    const bodies = history.items.flatMap((item) => (item.type === "comment" ? [item.body] : []));
    expect(bodies.some((body) => body.includes("Did you mean `/status`?"))).toBe(true);
    expect(bodies.filter((body) => body.includes("Thanks, @mallory")).length).toBe(1);
  });

  it("declares in at most 8 requests and runs each single-effect command in at most 4", () => {
    const rows = requestsPerDelivery();
    const declaring = rows.find((row) => row.what === "issues.labeled:incident");
    expect(declaring?.requests).toBeGreaterThan(0);
    expect(declaring?.requests).toBeLessThanOrEqual(8);
    for (const word of ["ack", "note", "update", "mitigated", "help"]) {
      const command = rows.filter((row) => row.what === `issue_comment.created:${word}`);
      expect(command.length, word).toBeGreaterThan(0);
      for (const row of command) expect(row.requests, row.what).toBeLessThanOrEqual(4);
    }
  });

  it("makes no request for its own echoes", () => {
    const rows = requestsPerDelivery();
    const echoes = harness.sim.deliveries.filter(
      (delivery) =>
        (delivery.payload as { sender?: { login?: string } }).sender?.login === harness.sim.botLogin,
    );
    expect(echoes.length).toBeGreaterThan(20);
    // Except the opening of an action item the app created: that is when it goes on the board.
    const opensItem = (delivery: (typeof echoes)[number]) =>
      delivery.event === "issues" &&
      delivery.action === "opened" &&
      String((delivery.payload.issue as { body?: string }).body).includes("incident-app:action-item");
    for (const echo of echoes) {
      const requests = rows[harness.sim.deliveries.indexOf(echo)]?.requests;
      if (opensItem(echo)) expect(requests).toBe(3);
      else expect(requests).toBe(0);
    }
  });
});
