import { mkdirSync, writeFileSync } from "node:fs";
import { measureCommands } from "./bench/commands.js";
import { measureHandlerTimes } from "./bench/handler-time.js";
import { measureHistoryRead } from "./bench/history-read.js";
import { measureMemory } from "./bench/memory.js";
import { measureSweep } from "./bench/sweep.js";

/**
 * `npm run bench`: API requests per command, handler time against a bare Probot app,
 * memory and the history read, all on the GitHub simulator (no network). Writes
 * bench/results.json and prints a table.
 */
const OUT = new URL("../bench/results.json", import.meta.url);

const started = performance.now();
const commands = await measureCommands();
const sweep = await measureSweep();
if (sweep.note) console.log(`note: ${sweep.note}`);
const times = await measureHandlerTimes(30);
const history = await measureHistoryRead();
const memory = await measureMemory(10_000, 60_000);

const results = {
  requestsPerCommand: commands.requestsPerCommand,
  declareRequests: commands.declareRequests,
  declareRequestsColdConfig: commands.declareRequestsColdConfig,
  sweepRequests: sweep.sweepRequests,
  handlerMs: { ours: times.ours, bare: times.bare },
  overheadRatio: times.overheadRatio,
  rssMb: { after10k: memory.after10k, growthLast5k: memory.growthLast5k },
  historyRead: { requests: history.requests, ms: history.ms },
  details: {
    requestsPerCommandWithFollowUps: commands.requestsPerCommandWithFollowUps,
    declareRequestsWithFollowUps: commands.declareRequestsWithFollowUps,
    deliveryMs: times.deliveryMs,
    handlerSamples: times.samples,
    memory,
    historyItems: history.items,
    seconds: Math.round((performance.now() - started) / 1000),
  },
};

mkdirSync(new URL(".", OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

const rows: [string, string][] = [
  ...Object.entries(commands.requestsPerCommand).map(([name, count]): [string, string] => [
    name,
    String(count),
  ]),
  ["declare (config cached / cold)", `${commands.declareRequests} / ${commands.declareRequestsColdConfig}`],
  ["sweep", sweep.sweepRequests ? JSON.stringify(sweep.sweepRequests) : "null (sweep not in this build)"],
  ["handler ms p50/p95 (ours)", `${times.ours.p50} / ${times.ours.p95}`],
  ["handler ms p50/p95 (bare Probot)", `${times.bare.p50} / ${times.bare.p95}`],
  ["overhead ratio (p50)", String(times.overheadRatio)],
  [
    `RSS MB after ${memory.webhooks} webhooks / growth 2nd half`,
    `${memory.after10k} / ${memory.growthLast5k}`,
  ],
  [`history read (${history.items} items): requests / ms`, `${history.requests} / ${history.ms}`],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
console.log(`wrote bench/results.json in ${results.details.seconds}s`);
