import type { Harness } from "../../test/support/harness.js";
import { FORM, OWNER, PEOPLE, REPO, STEPS, seedDemoRepo } from "./scenario.js";

/** Plays the demo incident on a running harness; returns the incident's issue number. */
export async function playDemo(harness: Harness, log: (line: string) => void = () => {}): Promise<number> {
  const { sim, clock } = harness;
  seedDemoRepo(sim);
  await sim.installApp(OWNER, [REPO]);
  const at = (hhmm: string) => clock.set(new Date(`2026-02-03T${hhmm}:00Z`));

  at("14:23");
  log("14:23 alice files the incident form (SEV-2)");
  const number = sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await sim.settle();
  for (const step of STEPS) {
    at(step.at);
    log(`${step.at} ${step.who} ${step.what}`);
    await step.run(sim, number);
    await sim.settle();
  }
  return number;
}
