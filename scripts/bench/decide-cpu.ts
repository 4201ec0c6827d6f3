import { botOctokit } from "@incident-app/github-simulator";
import { parse } from "yaml";
import { ConfigSchema } from "../../src/config/schema.js";
import { decideIncident } from "../../src/features/incident/decide-incident.js";
import { historyVariables, readHistory } from "../../src/github/read-history.js";
import { project } from "../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../src/pipelines/app-deps.js";
import { startIncident } from "../../test/support/incident-fixture.js";
import { CONFIG_YAML, OWNER, PEOPLE, REPO } from "../demo/scenario.js";

/**
 * The app's own CPU for one decision on a long incident, without the network: the
 * bench's 200-note incident is made on the simulator through the app, read once as the
 * app reads it, then decided (and projected) again and again, each time from a fresh
 * copy of the history, as each event reads it. Prints the best of 7 rounds, in ms.
 * `NODE_ENV=production npx tsx scripts/bench/decide-cpu.ts` (N=50 decisions a round).
 */
const NOTES = 200;
const N = Number(process.env.N ?? 50);

const incident = await startIncident();
try {
  incident.at("14:25");
  for (let i = 0; i < NOTES; i++) await incident.comment(PEOPLE.bob, `/note entry ${i}`);
  const config = ConfigSchema.parse(parse(CONFIG_YAML) ?? {});
  const bot = await botOctokit(incident.sim);
  const variables = historyVariables(config, incident.clock.now(), {
    withRecent: false,
    id: "INC-20260203-001",
  });
  const history = await readHistory(bot, { owner: OWNER, repo: REPO, number: incident.number }, variables);
  if (!history) throw new Error("decide-cpu: the incident could not be read");
  const input = {
    config,
    botLogin: "incident-bot[bot]",
    formTemplate: readFormTemplate(),
    now: incident.clock.now(),
    history,
    checkLabels: false,
  };
  const copies = Array.from({ length: N }, () => structuredClone(history));
  const best = { decideMs: Number.POSITIVE_INFINITY, projectMs: Number.POSITIVE_INFINITY };
  for (let round = 0; round < 7; round++) {
    let started = performance.now();
    for (const copy of copies) decideIncident({ ...input, history: copy });
    best.decideMs = Math.min(best.decideMs, (performance.now() - started) / N);
    started = performance.now();
    for (const copy of copies) project(copy, input);
    best.projectMs = Math.min(best.projectMs, (performance.now() - started) / N);
  }
  const plan = decideIncident(input).plan.map((write) => write.kind);
  console.log(
    JSON.stringify({
      historyItems: history.items.length,
      plan,
      decideMs: Math.round(best.decideMs * 100) / 100,
      projectMs: Math.round(best.projectMs * 100) / 100,
    }),
  );
} finally {
  await incident.close();
}
