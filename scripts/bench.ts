import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { BENCH_LATENCY } from "@incident-app/github-simulator";
import { measureCommands } from "./bench/commands.js";
import { measureHistoryRead } from "./bench/history-read.js";
import { measureLatency } from "./bench/latency.js";
import { measureMemory } from "./bench/memory.js";
import { measureSweep } from "./bench/sweep.js";
import { printTable } from "./bench/table.js";

/**
 * `npm run bench`: API requests, round trips and secondary-limit points per command
 * and per sweep; the time until the app answers `/note` on a long incident under the
 * simulator's latency model, against a bare Probot app; the app's CPU per event; its
 * memory over 10,000 webhooks (in its own process, and a bare Probot app's for
 * reference) and the history read, all on the GitHub simulator (no network). Writes
 * bench/results.json and prints a table. Timed parts run first.
 */
const OUT = new URL("../bench/results.json", import.meta.url);

const started = performance.now();
const loadBefore = loadavg()[0] ?? 0;
const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
  const at = performance.now();
  const result = await run();
  seconds[name] = Math.round((performance.now() - at) / 1000);
  return result;
};
const seconds: Record<string, number> = {};
const latency = await phase("latencyModel", () => measureLatency(20));
const history = await phase("historyRead", () => measureHistoryRead());
const commands = await phase("requestsPerCommand", () => measureCommands());
const sweep = await phase("sweepRequests", () => measureSweep());
const memory = await phase("rssMb", () => measureMemory(10_000));
// The same webhooks to a bare Probot app in its own process: what any Probot app costs.
const bareMemory = await phase("rssMbBare", () => measureMemory(10_000, { bare: true }));

const results = {
  requestsPerCommand: commands.requestsPerCommand,
  declareRequests: commands.declareRequests,
  roundTrips: { ...commands.roundTrips, declare: commands.declareRoundTrips },
  secondaryPoints: { ...commands.secondaryPoints, declare: commands.declarePoints },
  latencyModel: { ours: latency.ours, bare: latency.bare, ratio: latency.ratio },
  cpuMsPerEvent: latency.cpuMsPerEvent,
  sweepRequests: sweep.sweepRequests,
  rssMb: { after10k: memory.after10k, growthLast5k: memory.growthLast5k },
  historyRead: { requests: history.requests, ms: history.ms },
  details: {
    declareRequestsColdConfig: commands.declareRequestsColdConfig,
    declareRequestsWithFollowUps: commands.declareRequestsWithFollowUps,
    requestsPerCommandWithFollowUps: commands.requestsPerCommandWithFollowUps,
    sweepOperations: sweep.details.operations,
    latencyModel: {
      model: BENCH_LATENCY,
      samples: latency.samples,
      timelineEntries: latency.timelineEntries,
      answerKib: latency.answerKib,
      fullReadKib: latency.fullReadKib,
      timelineComment: latency.timelineComment,
      declarationComment: latency.declarationComment,
    },
    requestsOnLongIncident: latency.longIncidentRequests,
    memory,
    bareMemory: {
      webhooks: bareMemory.webhooks,
      after10k: bareMemory.after10k,
      growthLast5k: bareMemory.growthLast5k,
      heapMbAfter: bareMemory.heapMbAfter,
      baselineMb: bareMemory.baselineMb,
      appCpuMsPerWebhook: bareMemory.appCpuMsPerWebhook,
    },
    historyRead: {
      items: history.items,
      firstMs: history.firstMs,
      operations: history.operations,
    },
    machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg()[0] ?? 0 },
    seconds: { ...seconds, total: Math.round((performance.now() - started) / 1000) },
  },
};

mkdirSync(new URL(".", OUT), { recursive: true });
// `npm run bench:scale` writes `sweepPass` into the same file: keep it.
const kept = existsSync(OUT)
  ? (JSON.parse(readFileSync(OUT, "utf8")) as { sweepPass?: unknown }).sweepPass
  : undefined;
writeFileSync(OUT, `${JSON.stringify(kept ? { ...results, sweepPass: kept } : results, null, 2)}\n`);
printTable(results);
console.log(`wrote bench/results.json in ${results.details.seconds.total}s`);
