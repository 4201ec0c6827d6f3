import { playDemo } from "../../../scripts/demo/run-demo.js";
import type { Harness } from "../../support/harness.js";

/**
 * The scenarios every reliability test replays, faulty and fault-free, comparing the
 * end states. Each plays people's actions through the simulator and settles after
 * each step. New capabilities add their scenario here (hotfix branch and revert PR,
 * action items and the board, chat), and the end-state projectors they need in
 * `end-state.ts`; every test below then covers them.
 */
export interface ReliabilityScenario {
  name: string;
  play(harness: Harness): Promise<void>;
}

export const SCENARIOS: ReliabilityScenario[] = [
  {
    name: "demo incident (seed plan 000: declare, relabel, roles, notes, updates, resolve)",
    play: async (harness) => {
      await playDemo(harness);
    },
  },
];
