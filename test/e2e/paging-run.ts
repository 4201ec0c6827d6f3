import type { HarnessOptions } from "../support/harness.js";
import { type OpsgenieReceiver, startOpsgenieReceiver } from "../support/receivers/opsgenie-receiver.js";
import { type PagerDutyReceiver, startPagerDutyReceiver } from "../support/receivers/pagerduty-receiver.js";
import { type AlertsHarness, OWNER, REPO, startAlertsHarness } from "./alerts-harness.js";

/**
 * A paging test's world: the paging service's receiver and the app with its simulator,
 * each closed (last started, first closed) once the test is over. Register `close` with
 * `afterEach`.
 */
export interface PagingRun {
  pagerDuty(): Promise<PagerDutyReceiver>;
  opsgenie(key: string): Promise<OpsgenieReceiver>;
  harness(config: string, options: HarnessOptions): Promise<AlertsHarness>;
  /** bob comments `body` on the incident in the harness started last, and everything settles. */
  comment(number: number, body: string): Promise<void>;
  close(): Promise<void>;
}

export function pagingRun(): PagingRun {
  const open: { close(): Promise<unknown> }[] = [];
  let harness: AlertsHarness | undefined;
  const kept = <T extends { close(): Promise<unknown> }>(thing: T): T => {
    open.push(thing);
    return thing;
  };
  return {
    pagerDuty: async () => kept(await startPagerDutyReceiver()),
    opsgenie: async (key) => kept(await startOpsgenieReceiver(key)),
    async harness(config, options) {
      harness = kept(await startAlertsHarness(config, options));
      return harness;
    },
    async comment(number, body) {
      if (!harness) throw new Error("no harness started in this test");
      await harness.sim
        .as("bob")
        .rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
      await harness.settle();
    },
    async close() {
      harness = undefined;
      for (const thing of open.splice(0).reverse()) await thing.close();
    },
  };
}
