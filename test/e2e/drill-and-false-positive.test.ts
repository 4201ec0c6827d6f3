import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report-command.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { FORM_BODY } from "../support/history-builder.js";
import { type OutwardHarness, OWNER, REPO, startOutwardHarness, TARGETS_YAML } from "./outward-harness.js";

/** A drill exercises everything on GitHub and sends nothing outside; a false positive leaves the metrics. */
const CONFIG = `${TARGETS_YAML}statusPage:
  title: Acme status
`;

describe("drills and false positives (simulator + chat receiver + status page)", () => {
  let h: OutwardHarness;
  let dir = "";
  afterEach(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("runs a drill declared with the drill label without paging, chat or the status page", async () => {
    h = await startOutwardHarness(CONFIG);
    const at = (hhmm: string) => h.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));
    at("14:23");
    const number = h.sim.fileIssueForm(
      "alice",
      { owner: OWNER, name: REPO },
      { title: "Game day: search outage", body: FORM_BODY, labels: ["incident", "drill"] },
    );
    await h.settle();
    at("14:24");
    await h.comment("bob", number, "/ack\n/severity SEV-1 rehearsing the worst case");
    at("14:30");
    await h.comment("carol", number, "/status public investigating Some searches return no results.");
    at("14:31");
    await h.comment("carol", number, "/update Rolling back\n/escalate need database help");
    at("14:40");
    await h.comment("bob", number, "/resolve rolled back");

    expect(h.chatReceiver.requests()).toEqual([]);
    expect(h.publisher.calls).toBe(0);
    const { data: issue } = await h.sim
      .as("alice")
      .rest.issues.get({ owner: OWNER, repo: REPO, issue_number: number });
    expect(issue.state).toBe("closed");
    expect(issue.labels.map((label) => (typeof label === "string" ? label : label.name))).toContain("drill");
    const comments = await h.appComments(number);
    const timeline = comments.find((body) => body.includes("incident-app:timeline")) ?? "";
    expect(timeline).toContain("**Drill** (game day) (label added by hand)");
    expect(timeline).toContain("Resolved");
    expect(comments.some((body) => body.includes("This incident is a drill, so nothing was published"))).toBe(
      true,
    );
  });

  it("closes a false positive as not planned, and the report counts it apart", async () => {
    h = await startOutwardHarness(CONFIG);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const real = await h.declare();
    h.clock.set(new Date("2026-02-03T14:25:00Z"));
    await h.comment("bob", real, "/ack\n/resolve fixed");
    h.clock.set(new Date("2026-02-04T09:00:00Z"));
    const noise = await h.declare();
    h.clock.set(new Date("2026-02-04T09:05:00Z"));
    await h.comment("bob", noise, "/false-positive the alert threshold was wrong");

    const { data: issue } = await h.sim
      .as("alice")
      .rest.issues.get({ owner: OWNER, repo: REPO, issue_number: noise });
    expect(issue.state).toBe("closed");
    expect(issue.state_reason).toBe("not_planned");
    expect(issue.labels.map((label) => (typeof label === "string" ? label : label.name))).toContain(
      "false-positive",
    );
    const timeline =
      (await h.appComments(noise)).find((body) => body.includes("incident-app:timeline")) ?? "";
    expect(timeline).toContain("Closed as a **false positive**");

    dir = await mkdtemp(join(tmpdir(), "fp-report-"));
    await runReport({
      octokit: h.sim.as("alice"),
      repos: [`${OWNER}/${REPO}`],
      outDir: dir,
      now: new Date("2026-02-10T00:00:00Z"),
      window: { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-02-10T00:00:00Z") },
      config: ConfigSchema.parse({}),
      botLogin: h.sim.botLogin,
    });
    const report = await readFile(join(dir, "report.md"), "utf8");
    expect(report).toContain("| Incidents | 1 (0 still open) |");
    expect(report).toContain("| False positives | 1 (50% of declared) |");
    expect(report).toContain("## False positives (1)");
  });
});
