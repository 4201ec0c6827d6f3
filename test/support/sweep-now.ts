import { repoOctokit } from "../../src/github/installations.js";
import type { OutsideDeps } from "../../src/pipelines/converge-incident.js";
import { runSweep, type SweepReport } from "../../src/pipelines/run-sweep.js";
import type { Harness } from "./harness.js";

/**
 * The timer's sweep of `acme/<repo>` at the clock's time, as the installation, writing,
 * with the harness's outside systems (chat, status page; more in `extra`); then
 * everything it caused settles.
 */
export async function sweepNow(
  h: Harness,
  repo: string,
  extra: Partial<OutsideDeps> = {},
): Promise<SweepReport> {
  const report = await runSweep({
    octokit: await repoOctokit(h.probot, "acme", repo),
    repos: [`acme/${repo}`],
    now: h.clock.now(),
    dryRun: false,
    botLogin: h.sim.botLogin,
    outside: { chat: h.chat, publishFiles: h.publisher.publish, log: h.probot.log, ...extra },
  });
  await h.settle();
  return report;
}
