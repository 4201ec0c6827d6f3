import { asOctokit } from "../../src/github/client.js";
import { runSweep } from "../../src/pipelines/run-sweep.js";
import type { Harness } from "../../test/support/harness.js";
import { BEFORE, FOLLOW_UP, FORM, OWNER, PEOPLE, REPO, STEPS, type Step, seedDemoRepo } from "./scenario.js";
import { seedPastIncidents } from "./seed-past.js";

export interface DemoResult {
  issue: number;
  /** The app's installation on acme (the organisation demo adds repositories to it). */
  installation: number;
  /** What each sweep posted, by simulated time. */
  sweeps: Array<{ at: string; plan: string[] }>;
}

/** `HH:MM` on the incident's day, or `MM-DD HH:MM`, as a UTC time of 2026. */
export function demoTime(at: string): Date {
  const [day, time] = at.includes(" ") ? (at.split(" ") as [string, string]) : ["02-03", at];
  return new Date(`2026-${day}T${time}:00Z`);
}

/** Plays the demo incident and its follow-up on a running harness. */
export async function playDemo(
  harness: Harness,
  log: (line: string) => void = () => {},
  options: {
    history?: boolean;
    afterHistory?: () => void;
    /** Wraps each step of the incident and its follow-up (index into `[...STEPS, ...FOLLOW_UP]`). */
    aroundStep?: (index: number, step: Step, run: () => Promise<void>) => Promise<void>;
    /** The repository's `.github/incident.yml` (the demo adds its war room). */
    config?: string;
  } = {},
): Promise<DemoResult> {
  const { sim, clock } = harness;
  seedDemoRepo(sim, options.config);
  const installation = await sim.installApp(OWNER, [REPO]);
  const octokit = asOctokit(await harness.probot.auth(installation));
  const result: DemoResult = { issue: 0, installation, sweeps: [] };
  // Webhooks the sweep's writes cause wait until it is done, so every request is told apart:
  // the sweep's own (no delivery) and each webhook's.
  const sweep = async () => {
    sim.holdDeliveries(() => true);
    const report = await runSweep({
      octokit,
      repos: [`${OWNER}/${REPO}`],
      now: clock.now(),
      dryRun: false,
      botLogin: sim.botLogin,
      ...(harness.retry ? { retry: harness.retry } : {}),
      outside: { chat: harness.chat, publishFiles: harness.publisher.publish, log: harness.probot.log },
    });
    await sim.releaseHeld();
    await harness.settle();
    const plan = report.repos.flatMap((repo) => repo.plan);
    result.sweeps.push({ at: clock.now().toISOString(), plan });
    for (const line of plan.length ? plan : ["nothing due"]) log(`        ${line}`);
    return plan;
  };
  const play = async (step: Step, issue: number) => {
    clock.set(demoTime(step.at));
    log(`${step.at} ${step.who} ${step.what}`);
    await step.run(sim, issue, sweep);
    await harness.settle();
  };
  for (const step of BEFORE) await play(step, 0);
  // Six months of past incidents, in their own repo, for the report.
  if (options.history) {
    const count = await seedPastIncidents(sim, new Date("2026-02-01T00:00:00Z"));
    log(`seeded ${count} past incidents (Aug 2025 – Jan 2026) in ${OWNER}/platform`);
  }
  options.afterHistory?.();

  clock.set(demoTime("14:23"));
  log("14:23 alice files the incident form (SEV-2)");
  result.issue = sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await harness.settle();
  for (const [index, step] of [...STEPS, ...FOLLOW_UP].entries()) {
    const run = () => play(step, result.issue);
    await (options.aroundStep ? options.aroundStep(index, step, run) : run());
  }
  return result;
}
