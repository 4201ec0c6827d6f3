import { afterEach, describe, expect, it } from "vitest";
import { type OutwardHarness, OWNER, REPO, startOutwardHarness, writes } from "./outward-harness.js";

/** Phase checklists (§16): a task-list comment; people tick it in GitHub's UI (an edit of the app's comment). */
describe("the phase checklist (simulator)", () => {
  let h: OutwardHarness;
  afterEach(async () => h?.close());

  async function checklistComment(number: number) {
    const { data } = await h.sim
      .as("alice")
      .rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: number });
    const found = data.find((comment) => comment.body?.includes("incident-app:checklist"));
    if (!found?.body) throw new Error("no checklist comment");
    return { id: found.id, body: found.body };
  }

  /** What GitHub's UI does when a person ticks a box: the whole comment body, one box changed. */
  async function tick(who: string, number: number, text: string) {
    const { id, body } = await checklistComment(number);
    const ticked = body
      .split("\n")
      .map((line) => (line.includes(text) ? line.replace("- [ ]", "- [x]") : line))
      .join("\n");
    await h.sim.as(who).rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: id, body: ticked });
    await h.settle();
  }

  it("records each tick on the timeline with who and when, counts them, and lists the rest in the review", async () => {
    h = await startOutwardHarness("onCall:\n  primary: [bob]\n");
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    const first = await checklistComment(number);
    const total = (first.body.match(/- \[ \]/g) ?? []).length;
    expect(total).toBeGreaterThan(10);
    expect(first.body).toContain(`## ✅ Checklist · INC-20260203-001 · 0/${total}`);

    h.clock.set(new Date("2026-02-03T14:27:00Z"));
    const mark = h.sim.log.length;
    await tick("bob", number, "Confirm the alert is not a false positive");
    // One read, then the checklist's record of the tick and the timeline in one document.
    const tickWrites = writes(h.sim.log.slice(mark).filter((entry) => entry.auth === "installation"));
    expect(tickWrites.map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`)).toEqual([
      "IncidentWrites",
    ]);
    h.clock.set(new Date("2026-02-03T14:31:00Z"));
    await tick("carol", number, "Review recent deployments");

    const after = await checklistComment(number);
    expect(after.body).toContain(`· 2/${total}`);
    expect(after.body).toContain("- [x] Confirm the alert is not a false positive <sub>✔ @bob, 14:27</sub>");
    expect(after.body).toContain("- [x] Review recent deployments (last 24 h) <sub>✔ @carol, 14:31</sub>");

    const timeline =
      (await h.appComments(number)).find((body) => body.includes("incident-app:timeline")) ?? "";
    expect(timeline).toContain(`Checklist 2/${total}`);
    expect(timeline).toMatch(
      /\| 14:27 \| Checklist \(Triage\) ticked: “Confirm the alert is not a false positive”.*\| @bob \|/,
    );
    expect(timeline).toMatch(
      /\| 14:31 \| Checklist \(Investigation\) ticked: “Review recent deployments.*\| @carol \|/,
    );

    // Down to SEV-4 the app rewrites the comment: ticks stay, the top severities' unticked items go.
    h.clock.set(new Date("2026-02-03T14:40:00Z"));
    await h.comment("bob", number, "/severity SEV-4 smaller than feared\n/resolve cache flushed\n/pir");
    const kept = await checklistComment(number);
    expect(kept.body).toContain("- [x] Confirm the alert is not a false positive <sub>✔ @bob, 14:27</sub>");
    expect(kept.body).not.toContain("Assign an incident commander");
    expect(kept.body).toContain("- [ ] Run smoke tests on the affected functionality");

    const { data: files } = await h.sim.as("alice").rest.repos.getContent({
      owner: OWNER,
      repo: REPO,
      path: "docs/incidents/INC-20260203-001.md",
      ref: "pir/inc-20260203-001",
    });
    const review = Buffer.from((files as { content: string }).content, "base64").toString("utf8");
    expect(review).toContain("## Checklist");
    const left = (kept.body.match(/- \[[ x]\]/g) ?? []).length;
    expect(left).toBeLessThan(total);
    expect(review).toContain(`2 of ${left} checklist items were ticked during the incident`);
    expect(review).toContain("- [ ] **Verification:** Run smoke tests on the affected functionality");
    expect(review).not.toContain("**Triage:** Confirm the alert is not a false positive");
  });
});
