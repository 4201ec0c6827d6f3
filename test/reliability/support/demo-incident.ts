import { FORM, OWNER, PEOPLE, REPO, seedDemoRepo } from "../../../scripts/demo/scenario.js";
import type { Harness } from "../../support/harness.js";

/** The demo's repository, with the app installed on it; no incident yet. */
export async function installOnDemoRepo(harness: Harness): Promise<void> {
  seedDemoRepo(harness.sim);
  await harness.sim.installApp(OWNER, [REPO]);
}

/** Alice files the demo's incident form at 14:23; resolves with the issue's number once settled. */
export async function fileDemoIncident(harness: Harness): Promise<number> {
  harness.clock.set(new Date("2026-02-03T14:23:00Z"));
  const number = harness.sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await harness.settle();
  return number;
}
