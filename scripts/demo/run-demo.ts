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
  const { data: issue } = await sim.as(PEOPLE.alice).rest.issues.create({
    owner: OWNER,
    repo: REPO,
    title: FORM.title,
    body: FORM.body,
    labels: ["incident"],
  });
  await sim.settle();
  for (const step of STEPS) {
    at(step.at);
    log(`${step.at} ${step.who} ${step.what}`);
    await step.run(sim, issue.number);
    await sim.settle();
  }
  return issue.number;
}
