import type { Harness } from "../../test/support/harness.js";
import { FORM, OWNER, PEOPLE, REPO, STEPS, seedDemoRepo } from "./scenario.js";
import { seedPastIncidents } from "./seed-past.js";

/** Plays the demo incident on a running harness; returns the incident's issue number. */
export async function playDemo(
  harness: Harness,
  log: (line: string) => void = () => {},
  options: { history?: boolean; afterHistory?: () => void } = {},
): Promise<number> {
  const { sim, clock } = harness;
  seedDemoRepo(sim);
  await sim.installApp(OWNER, [REPO]);
  if (options.history) {
    const count = await seedPastIncidents(sim, new Date("2026-02-01T00:00:00Z"));
    log(`seeded ${count} past incidents (Aug 2025 – Jan 2026)`);
  }
  options.afterHistory?.();
  const at = (hhmm: string) => clock.set(new Date(`2026-02-03T${hhmm}:00Z`));

  at("14:23");
  log("14:23 alice files the incident form (SEV-2)");
  const number = sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await harness.settle();
  for (const step of STEPS) {
    at(step.at);
    log(`${step.at} ${step.who} ${step.what}`);
    await step.run(sim, number);
    await harness.settle();
  }
  return number;
}
