import { WEBHOOK_PATH } from "../../test/support/harness.js";
import { startIncident } from "../../test/support/incident-fixture.js";
import { readAsPerson } from "../../test/support/transcript.js";
import { readingApp, startBareServer, titleReadingApp } from "./bare-app.js";
import { commentOn, fileIncident, OWNER, PEOPLE, REPO } from "./bench-repo.js";
import { percentile, round, startStopwatch } from "./timing.js";

/**
 * Time from webhook sent to the last API write for it, for `/note` on an incident
 * with 200 timeline entries, against a bare Probot app in the same run and
 * simulator, interleaved so both see the same machine. Also, for explanation: the
 * time to the last request (our verify read after the last write), the simulator's
 * own delivery time, a third app that only reads the same history and comments, and
 * a fourth that reads one field before its comment (the floor of read-then-write).
 */
type Stats = { p50: number; p95: number };

export interface HandlerTimes {
  ours: Stats;
  bare: Stats;
  overheadRatio: number;
  /** To the last request of any kind: our verify read after the last write included. */
  lastRequestMs: { ours: Stats; bare: Stats };
  /** The simulator's own `Delivery.durationMs` (until the app answered the webhook). */
  deliveryMs: { ours: Stats; bare: Stats };
  /** A Probot app that reads the incident's history as ours does, then comments (see bare-app.ts). */
  readingMs: Stats;
  /** A Probot app that reads one field (the title) with GraphQL, then comments: read-then-write's floor. */
  titleReadingMs: Stats;
  samples: number;
  timelineEntries: number;
  historyItems: number;
}

const TIMELINE_ENTRIES = 200;

export async function measureHandlerTimes(samples = 30): Promise<HandlerTimes> {
  const fx = await startIncident({ file: false });
  const bare = await startBareServer(fx.sim.url);
  const reading = await startBareServer(fx.sim.url, readingApp);
  const titleReading = await startBareServer(fx.sim.url, titleReadingApp);
  const watch = startStopwatch(fx.sim);
  try {
    const { number } = await fileIncident(fx);
    for (let i = 0; i < TIMELINE_ENTRIES; i++) await commentOn(fx, number, PEOPLE.bob, `/note entry ${i}`);
    const runs = {
      ours: [] as number[],
      bare: [] as number[],
      reading: [] as number[],
      title: [] as number[],
    };
    const last = { ours: [] as number[], bare: [] as number[] };
    const delivery = { ours: [] as number[], bare: [] as number[] };
    const ourTarget = `${fx.appUrl}${WEBHOOK_PATH}`;
    // Interleaved, after warm-ups of each, so all see the same machine state.
    for (let i = -3; i < samples; i++) {
      fx.sim.setWebhookTarget(ourTarget);
      const mine = await commentOn(fx, number, PEOPLE.bob, `/note sample ${i}`);
      fx.sim.setWebhookTarget(bare.url);
      const base = await commentOn(fx, number, PEOPLE.carol, `plain comment ${i}`);
      fx.sim.setWebhookTarget(reading.url);
      const read = await commentOn(fx, number, PEOPLE.carol, `plain comment, read ${i}`);
      fx.sim.setWebhookTarget(titleReading.url);
      const title = await commentOn(fx, number, PEOPLE.carol, `plain comment, title ${i}`);
      if (i < 0) continue;
      runs.ours.push(watch.handlerMs(mine.id) ?? Number.NaN);
      runs.bare.push(watch.handlerMs(base.id) ?? Number.NaN);
      runs.reading.push(watch.handlerMs(read.id) ?? Number.NaN);
      runs.title.push(watch.handlerMs(title.id) ?? Number.NaN);
      last.ours.push(watch.lastRequestMs(mine.id) ?? Number.NaN);
      last.bare.push(watch.lastRequestMs(base.id) ?? Number.NaN);
      delivery.ours.push(mine.durationMs ?? Number.NaN);
      delivery.bare.push(base.durationMs ?? Number.NaN);
    }
    const stats = (values: number[]): Stats => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
    const ours = stats(runs.ours);
    const baseline = stats(runs.bare);
    const history = await readAsPerson(fx.sim.as(PEOPLE.alice), OWNER, REPO, number);
    return {
      ours,
      bare: baseline,
      overheadRatio: round(ours.p50 / baseline.p50, 2),
      lastRequestMs: { ours: stats(last.ours), bare: stats(last.bare) },
      deliveryMs: { ours: stats(delivery.ours), bare: stats(delivery.bare) },
      readingMs: stats(runs.reading),
      titleReadingMs: stats(runs.title),
      samples,
      timelineEntries: TIMELINE_ENTRIES,
      historyItems: history.items.length,
    };
  } finally {
    watch.stop();
    fx.sim.setWebhookTarget(`${fx.appUrl}${WEBHOOK_PATH}`);
    await titleReading.close();
    await reading.close();
    await bare.close();
    await fx.close();
  }
}
