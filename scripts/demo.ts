import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { IssueHistory } from "../src/domain/history.js";
import type { Simulator } from "../test/simulator/index.js";
import { startHarness } from "../test/support/harness.js";
import { readAsPerson, renderTranscript } from "../test/support/transcript.js";
import { checkDemo } from "./demo/check-demo.js";
import { playDemo } from "./demo/run-demo.js";
import { OWNER, PROJECT_NUMBER, REPO } from "./demo/scenario.js";

/** The incident's action items, as people see them: every issue that mentions it from the app. */
async function readActionItems(sim: Simulator, incident: IssueHistory): Promise<IssueHistory[]> {
  const numbers = new Set<number>();
  for (const item of incident.items)
    if (item.type === "cross-referenced" && item.source.author?.login === sim.botLogin)
      numbers.add(item.source.number);
  const items: IssueHistory[] = [];
  for (const number of [...numbers].sort((a, b) => a - b))
    items.push(await readAsPerson(sim.as("alice"), OWNER, REPO, number));
  return items;
}

/**
 * `npm run demo`: a full incident against the built-in GitHub simulator, with the
 * real app server receiving signed webhooks. Writes demo-output/ and exits non-zero
 * if any step or check fails. Needs no network and no credentials.
 */
const OUT = "demo-output";

async function main() {
  const started = Date.now();
  const harness = await startHarness();
  try {
    const demo = await playDemo(harness, (line) => console.log(`  ${line}`));
    const { sim } = harness;
    const history = await readAsPerson(sim.as("alice"), OWNER, REPO, demo.issue);
    const items = await readActionItems(sim, history);
    const requests = sim.appRequests().map((entry) => ({
      delivery: entry.delivery ?? "sweep",
      event: entry.event,
      method: entry.method,
      path: entry.path,
      graphql: entry.graphql,
      body: entry.body,
      status: entry.status,
    }));
    await rm(OUT, { recursive: true, force: true });
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, "transcript.md"), renderTranscript(history));
    await mkdir(join(OUT, "action-items"), { recursive: true });
    for (const item of items)
      await writeFile(join(OUT, "action-items", `${item.issue.number}.md`), renderTranscript(item));
    await writeFile(
      join(OUT, "board.json"),
      `${JSON.stringify(sim.projectBoard(OWNER, PROJECT_NUMBER), null, 2)}\n`,
    );
    await writeFile(join(OUT, "requests.jsonl"), `${requests.map((r) => JSON.stringify(r)).join("\n")}\n`);
    await writeFile(join(OUT, "state.json"), `${JSON.stringify(sim.snapshot(), null, 2)}\n`);
    const problems = checkDemo({ history, items, sim, sweeps: demo.sweeps });
    console.log(`\n${history.issue.title}`);
    console.log(`labels: ${history.issue.labels.join(", ")} · ${history.issue.state.toLowerCase()}`);
    console.log(`${sim.deliveries.length} webhooks delivered, ${requests.length} API requests by the app`);
    console.log(
      `${items.length} action items: ${items.map((item) => `#${item.issue.number} ${item.issue.state.toLowerCase()}`).join(", ")}`,
    );
    console.log(
      `wrote ${OUT}/transcript.md, action-items/, board.json, requests.jsonl, state.json in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (problems.length) {
      console.error(`\nDemo checks failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
      process.exitCode = 1;
    }
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
