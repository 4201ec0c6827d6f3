import type { Harness } from "../../test/support/harness.js";
import { BEFORE, FORM, OWNER, PEOPLE, REPO, STEPS, type Step, seedDemoRepo } from "./scenario.js";
import { seedPastIncidents } from "./seed-past.js";

/** `HH:MM` on the incident's day, or `MM-DD HH:MM`, as a UTC time of 2026. */
export function demoTime(at: string): Date {
  const [day, time] = at.includes(" ") ? (at.split(" ") as [string, string]) : ["02-03", at];
  return new Date(`2026-${day}T${time}:00Z`);
}

/** Plays the demo incident on a running harness; returns the incident's issue number. */
export async function playDemo(
  harness: Harness,
  log: (line: string) => void = () => {},
  options: { history?: boolean; afterHistory?: () => void } = {},
): Promise<number> {
  const { sim, clock } = harness;
  seedDemoRepo(sim);
  await sim.installApp(OWNER, [REPO]);
  const play = async (step: Step, issue: number) => {
    clock.set(demoTime(step.at));
    log(`${step.at} ${step.who} ${step.what}`);
    await step.run(sim, issue);
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
  const number = sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await harness.settle();
  for (const step of STEPS) await play(step, number);
  return number;
}
