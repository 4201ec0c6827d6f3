import { startIncident } from "../../test/support/incident-fixture.js";
import { OWNER, PEOPLE, REPO } from "./bench-repo.js";
import { round } from "./timing.js";

/**
 * Resident memory of the process (app server and simulator together) while `/note`
 * comments are delivered over signed HTTP webhooks, 50 per incident, within a time
 * budget; growth is measured over the second half of the deliveries.
 */
export interface MemoryUse {
  webhooks: number;
  after10k: number;
  growthLast5k: number;
  heapMbAfter: number;
  /** RSS with the simulator and app started, before any of these webhooks. */
  baselineMb: number;
}

const PER_INCIDENT = 50;

function rssMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return round(process.memoryUsage().rss / 2 ** 20);
}

export async function measureMemory(target = 10_000, budgetMs = 60_000): Promise<MemoryUse> {
  const fx = await startIncident({ file: false });
  const baselineMb = rssMb();
  const started = performance.now();
  let delivered = 0;
  const half = new Map<number, number>();
  try {
    const bob = fx.sim.as(PEOPLE.bob);
    while (delivered < target && performance.now() - started < budgetMs) {
      const number = fx.sim.fileIssueForm(
        PEOPLE.alice,
        { owner: OWNER, name: REPO },
        {
          title: `Incident ${delivered}`,
          body: "### Severity\n\nSEV-3\n\n### What is broken / user impact\n\nSlow pages",
          labels: ["incident"],
        },
      );
      await fx.settle();
      for (let i = 0; i < PER_INCIDENT && delivered < target; i++) {
        await bob.rest.issues.createComment({
          owner: OWNER,
          repo: REPO,
          issue_number: number,
          body: `/note ${i}`,
        });
        await fx.settle();
        delivered++;
      }
      half.set(delivered, rssMb());
    }
    const after = rssMb();
    const midpoint = [...half.entries()].find(([count]) => count >= delivered / 2)?.[1] ?? after;
    return {
      webhooks: delivered,
      after10k: after,
      growthLast5k: round(after - midpoint),
      heapMbAfter: round(process.memoryUsage().heapUsed / 2 ** 20),
      baselineMb,
    };
  } finally {
    await fx.close();
  }
}
