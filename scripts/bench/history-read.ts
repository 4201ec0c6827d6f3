import { ConfigSchema } from "../../src/config/schema.js";
import { historyVariables } from "../../src/github/history-variables.js";
import { readHistory } from "../../src/github/read-history.js";
import { startIncident } from "../../test/support/incident-fixture.js";
import { testProbot } from "../../test/support/probot.js";
import { OWNER, PEOPLE, REPO } from "./bench-repo.js";
import { round } from "./timing.js";

/** `readHistory` on an incident with 1,000 comments and events (seeded with webhooks held back). */
export interface HistoryRead {
  requests: number;
  ms: number;
  items: number;
}

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
    const mark = fx.sim.log.length;
    const started = performance.now();
    const history = await readHistory(octokit, { owner: OWNER, repo: REPO, number: fx.number }, variables);
    const ms = performance.now() - started;
    const requests = fx.sim.log.slice(mark).filter((entry) => !entry.path.endsWith("/access_tokens")).length;
    return { requests, ms: round(ms), items: history?.items.length ?? 0 };
  } finally {
    fx.sim.holdDeliveries(() => false);
    await fx.close();
  }
}
