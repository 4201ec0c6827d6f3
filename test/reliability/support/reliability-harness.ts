import { createClock, startSimulator } from "@incident-app/github-simulator";
import type { RetryPolicy } from "../../../src/github/retry-policy.js";
import { scaledRetryPolicy } from "../../../src/github/retry-policy.js";
import { type Harness, WEBHOOK_PATH, WEBHOOK_SECRET } from "../../support/harness.js";
import { memoryPublisher } from "../../support/memory-publisher.js";
import { type Replica, startReplica } from "./app-replica.js";
import { type LoadBalancer, startLoadBalancer } from "./load-balancer.js";

/**
 * The simulator and one or more app replicas behind one webhook URL, each replica
 * with the production Octokit setup and every wait scaled down (1 s → 1 ms).
 */
export const TEST_RETRY_POLICY: RetryPolicy = scaledRetryPolicy(0.001);

export interface ReliabilityOptions {
  replicas?: number;
  redis?: { host: string; port: number };
  policy?: RetryPolicy;
  start?: string;
}

export interface ReliabilityHarness extends Harness {
  balancer: LoadBalancer | null;
}

export async function startReliabilityHarness(options: ReliabilityOptions = {}): Promise<ReliabilityHarness> {
  const clock = createClock(new Date(options.start ?? "2026-02-03T14:15:00Z"));
  const sim = await startSimulator({ clock, appSlug: "incident-bot", webhookSecret: WEBHOOK_SECRET });
  const count = options.replicas ?? 1;
  const replicas: Replica[] = [];
  for (let i = 0; i < count; i++) {
    replicas.push(
      await startReplica({
        clock,
        apiUrl: sim.url,
        policy: options.policy ?? TEST_RETRY_POLICY,
        isolated: count > 1,
        ...(options.redis ? { redis: options.redis } : {}),
      }),
    );
  }
  const balancer = count > 1 ? await startLoadBalancer(replicas.map((replica) => replica.url)) : null;
  const appUrl = balancer?.url ?? replicas[0]?.url ?? "";
  sim.setWebhookTarget(`${appUrl}${WEBHOOK_PATH}`);
  return {
    sim,
    clock,
    appUrl,
    balancer,
    // Each replica runs the production defaults (chat from the environment, the status
    // site through the real publishFiles); these are here for what the harness type offers.
    chat: (replicas[0] as Replica).chat,
    publisher: memoryPublisher(),
    async settle() {
      // Every webhook answered and every replica's chat delivery (with its failure reports) done.
      const busy = () => replicas.some((replica) => replica.chat.background.busy);
      do {
        await sim.settle();
        for (const replica of replicas) await replica.chat.background.idle();
      } while (busy());
      await sim.settle();
    },
    probot: (replicas[0] as Replica).probot,
    retry: options.policy ?? TEST_RETRY_POLICY,
    async close() {
      await balancer?.close();
      for (const replica of replicas) await replica.close();
      await sim.close();
    },
  };
}
