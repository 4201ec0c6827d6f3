import type {
  DeliveryFaultOptions,
  DeliveryMode,
  RequestFaultOptions,
  SimState,
} from "@incident-app/github-simulator";
import { type EndState, projectEndState } from "./end-state.js";
import { type ReliabilityOptions, startReliabilityHarness } from "./reliability-harness.js";
import type { ReliabilityScenario } from "./scenarios.js";

/** One run of a scenario, optionally with faults, and what it left behind. */
export interface RunOptions extends ReliabilityOptions {
  deliveryMode?: DeliveryMode;
  deliveryFaults?: DeliveryFaultOptions;
  requestFaults?: RequestFaultOptions;
}

export interface RunResult {
  endState: EndState;
  /** Webhook sends, originals and repeats. */
  deliveries: number;
  /** Sends the app did not answer 200 (a handler gave up, or the delivery timed out). */
  failedDeliveries: number;
  slowestDeliveryMs: number;
  appRequests: number;
  requestFaults: number;
  deliveryStats: {
    duplicates: number;
    reordered: number;
    delayed: number;
    dropped: number;
    redelivered: number;
  };
  served: number[] | null;
}

export async function runScenario(
  scenario: ReliabilityScenario,
  options: RunOptions = {},
): Promise<RunResult> {
  const harness = await startReliabilityHarness(options);
  const { sim } = harness;
  try {
    if (options.deliveryMode) sim.deliveryMode = options.deliveryMode;
    const requestFaults = options.requestFaults ? sim.injectRequestFaults(options.requestFaults) : null;
    const deliveryFaults = options.deliveryFaults ? sim.injectDeliveryFaults(options.deliveryFaults) : null;
    await scenario.play(harness);
    await harness.settle();
    const sent = sim.deliveries.filter((delivery) => delivery.status !== null);
    return {
      endState: projectEndState(sim.snapshot() as SimState),
      deliveries: sent.length,
      failedDeliveries: sent.filter((delivery) => delivery.status !== 200).length,
      slowestDeliveryMs: Math.max(0, ...sent.map((delivery) => delivery.durationMs ?? 0)),
      appRequests: sim.appRequests().length,
      requestFaults: requestFaults?.injected.length ?? 0,
      deliveryStats: {
        duplicates: deliveryFaults?.stats.duplicates ?? 0,
        reordered: deliveryFaults?.stats.reordered ?? 0,
        delayed: deliveryFaults?.stats.delayed ?? 0,
        dropped: deliveryFaults?.stats.dropped ?? 0,
        redelivered: deliveryFaults?.stats.redelivered ?? 0,
      },
      served: harness.balancer?.served ?? null,
    };
  } finally {
    await harness.close();
  }
}
