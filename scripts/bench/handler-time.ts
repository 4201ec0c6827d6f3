import { WEBHOOK_PATH } from "../../test/support/harness.js";
import { startIncident } from "../../test/support/incident-fixture.js";
import { startBareServer } from "./bare-app.js";
import { commentOn, fileIncident, PEOPLE } from "./bench-repo.js";
import { percentile, round, startStopwatch } from "./timing.js";

/**
 * Time from webhook sent to the last API request for it, for `/note` on an incident
 * with 200 timeline entries, against a bare Probot app in the same run and simulator.
 */
export interface HandlerTimes {
  ours: { p50: number; p95: number };
  bare: { p50: number; p95: number };
  /** To the last request of any kind: the verify read after the last write included. */
  lastRequestMs: { ours: { p50: number; p95: number }; bare: { p50: number; p95: number } };
  /** The same, as the simulator's own `Delivery.durationMs` (until the app answered). */
  deliveryMs: { ours: { p50: number; p95: number }; bare: { p50: number; p95: number } };
  overheadRatio: number;
  samples: number;
}

const TIMELINE_ENTRIES = 200;

export async function measureHandlerTimes(samples = 40): Promise<HandlerTimes> {
  const fx = await startIncident({ file: false });
  const bare = await startBareServer(fx.sim.url);
  const watch = startStopwatch(fx.sim);
  try {
    const { number } = await fileIncident(fx);
    for (let i = 0; i < TIMELINE_ENTRIES; i++) await commentOn(fx, number, PEOPLE.bob, `/note entry ${i}`);
    const ours: number[] = [];
    const theirs: number[] = [];
    const oursDelivery: number[] = [];
    const bareDelivery: number[] = [];
    const oursLast: number[] = [];
    const bareLast: number[] = [];
    const ourTarget = `${fx.appUrl}${WEBHOOK_PATH}`;
    // Interleaved, with a warm-up of each, so both see the same machine state.
    for (let i = -2; i < samples; i++) {
      fx.sim.setWebhookTarget(ourTarget);
      const mine = await commentOn(fx, number, PEOPLE.bob, `/note sample ${i}`);
      fx.sim.setWebhookTarget(bare.url);
      const base = await commentOn(fx, number, PEOPLE.carol, `plain comment ${i}`);
      if (i < 0) continue;
      ours.push(watch.handlerMs(mine.id) ?? Number.NaN);
      theirs.push(watch.handlerMs(base.id) ?? Number.NaN);
      oursLast.push(watch.lastRequestMs(mine.id) ?? Number.NaN);
      bareLast.push(watch.lastRequestMs(base.id) ?? Number.NaN);
      oursDelivery.push(mine.durationMs ?? Number.NaN);
      bareDelivery.push(base.durationMs ?? Number.NaN);
    }
    const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
    const result = { ours: stats(ours), bare: stats(theirs) };
    return {
      ...result,
      lastRequestMs: { ours: stats(oursLast), bare: stats(bareLast) },
      deliveryMs: { ours: stats(oursDelivery), bare: stats(bareDelivery) },
      overheadRatio: round(result.ours.p50 / result.bare.p50, 2),
      samples,
    };
  } finally {
    watch.stop();
    fx.sim.setWebhookTarget(`${fx.appUrl}${WEBHOOK_PATH}`);
    await bare.close();
    await fx.close();
  }
}
