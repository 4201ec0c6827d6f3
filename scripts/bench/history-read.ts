import { ConfigSchema } from "../../src/config/schema.js";
import { historyVariables } from "../../src/github/history-variables.js";
import { readHistory } from "../../src/github/read-history.js";
import { startIncident } from "../../test/support/incident-fixture.js";
import { testProbot } from "../../test/support/probot.js";
import { OWNER, PEOPLE, REPO } from "./bench-repo.js";
import { percentile, round } from "./timing.js";

/**
 * `readHistory` on an incident with 1,000 comments and events (seeded with webhooks
 * held back): the requests of one read, and the median time of 5 reads after one
 * warm-up (the first read also fetches the installation token).
 */
export interface HistoryRead {
  requests: number;
  ms: number;
  /** The first, cold read (token, first compile of the query in the simulator). */
  firstMs: number;
  items: number;
  operations: string[];
}

const READS = 5;

export async function measureHistoryRead(size = 1_000): Promise<HistoryRead> {
  const fx = await startIncident();
  try {
    fx.sim.holdDeliveries(() => true);
    const bob = fx.sim.as(PEOPLE.bob);
    const where = { owner: OWNER, repo: REPO, issue_number: fx.number };
    for (let i = 0; i < size / 2; i++) {
      await bob.rest.issues.createComment({ ...where, body: `/note seeded ${i}` });
      if (i % 2 === 0) await bob.rest.issues.addLabels({ ...where, labels: ["customer-facing"] });
      else await bob.rest.issues.removeLabel({ ...where, name: "customer-facing" });
    }
    const probot = testProbot({ baseUrl: fx.sim.url });
    const installation = fx.sim.deliveries.at(0)?.payload.installation as { id: number } | undefined;
    const octokit = await probot.auth(installation?.id ?? 1);
    const config = ConfigSchema.parse({});
    const variables = historyVariables(config, fx.clock.now(), { withRecent: true, id: null });
    const read = async () => {
      const mark = fx.sim.log.length;
      const started = performance.now();
      const history = await readHistory(octokit, { owner: OWNER, repo: REPO, number: fx.number }, variables);
      const ms = performance.now() - started;
      const made = fx.sim.log.slice(mark).filter((entry) => !entry.path.endsWith("/access_tokens"));
      return { ms, made, items: history?.items.length ?? 0 };
    };
    const first = await read();
    const times: number[] = [];
    let last = first;
    for (let i = 0; i < READS; i++) {
      last = await read();
      times.push(last.ms);
    }
    return {
      requests: last.made.length,
      ms: percentile(times, 50),
      firstMs: round(first.ms),
      items: last.items,
      operations: last.made.map((entry) => entry.graphql ?? entry.path),
    };
  } finally {
    fx.sim.holdDeliveries(() => false);
    await fx.close();
  }
}
