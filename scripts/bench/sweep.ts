import { asOctokit } from "../../src/github/client.js";
import { runSweep } from "../../src/pipelines/run-sweep.js";
import { startHarness } from "../../test/support/harness.js";
import { sweepActionItems, sweepIncidents } from "../../test/support/sweep-seed.js";

/**
 * Requests per sweep (`runSweep`, the code the server's timer and Actions mode run)
 * on a repository with 100 open incidents and 1,000 or 10,000 open action items,
 * with nothing due and with 50 of those items due. Each case is its own repository,
 * written straight into the simulator's store (no webhooks), swept as the app.
 */
export type SweepRequests = Record<"1100" | "10100", { nothingDue: number; due50: number }>;

export interface SweepDetails {
  /** Requests by operation for each case, e.g. `SweepRepository ×11, AddReminder ×50`. */
  operations: Record<string, string>;
  seconds: number;
}

const NOW = new Date("2026-02-10T09:00:00Z");
const OWNER = "acme";
const INCIDENTS = 100;
const DUE = 50;

function summarise(operations: string[]): string {
  const counts = new Map<string, number>();
  for (const op of operations) counts.set(op, (counts.get(op) ?? 0) + 1);
  return [...counts].map(([op, n]) => `${op} ×${n}`).join(", ");
}

export async function measureSweep(): Promise<{ sweepRequests: SweepRequests; details: SweepDetails }> {
  const started = performance.now();
  const harness = await startHarness({ start: NOW.toISOString() });
  const { sim } = harness;
  try {
    sim.createOrg(OWNER, ["alice", "bob", "dave"]);
    const cases = [
      { size: "1100", items: 1_000, key: "nothingDue", due: 0 },
      { size: "1100", items: 1_000, key: "due50", due: DUE },
      { size: "10100", items: 10_000, key: "nothingDue", due: 0 },
      { size: "10100", items: 10_000, key: "due50", due: DUE },
    ] as const;
    const repos = cases.map((c) => `sweep-${c.size}-${c.key}`);
    for (const name of repos)
      sim.createRepo({ owner: OWNER, name, files: { ".github/incident.yml": "timeZone: UTC\n" } });
    const installation = await sim.installApp(OWNER, repos);
    const octokit = asOctokit(await harness.probot.auth(installation));
    const results: Record<string, Record<string, number>> = {};
    const operations: Record<string, string> = {};
    for (const [index, c] of cases.entries()) {
      const repo = repos[index] as string;
      sim.seedIssues(OWNER, repo, sweepIncidents(INCIDENTS, NOW));
      sim.seedIssues(
        OWNER,
        repo,
        sweepActionItems({
          owner: OWNER,
          repo,
          count: c.items,
          incidents: INCIDENTS,
          due: (index) => (index < c.due ? "2026-02-10" : "2026-03-01"),
          botLogin: sim.botLogin,
          now: NOW,
        }),
      );
      const mark = sim.log.length;
      const report = await runSweep({
        octokit,
        repos: [`${OWNER}/${repo}`],
        now: NOW,
        dryRun: false,
        botLogin: sim.botLogin,
      });
      const made = sim.appRequests().filter((entry) => sim.log.indexOf(entry) >= mark);
      if (report.actions.length !== c.due)
        throw new Error(`bench: sweep of ${repo} took ${report.actions.length} actions, expected ${c.due}`);
      results[c.size] = { ...results[c.size], [c.key]: made.length };
      operations[`${c.size}.${c.key}`] = summarise(
        made.map((entry) => entry.graphql ?? `${entry.method} ${entry.operation}`),
      );
      sim.log.length = 0;
    }
    return {
      sweepRequests: results as SweepRequests,
      details: { operations, seconds: Math.round((performance.now() - started) / 1000) },
    };
  } finally {
    await harness.close();
  }
}
