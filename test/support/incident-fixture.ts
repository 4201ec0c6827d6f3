import type { RequestLogEntry } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { FORM, OWNER, PEOPLE, REPO, seedDemoRepo } from "../../scripts/demo/scenario.js";
import type { HistoryComment, IssueHistory } from "../../src/kernel/history.js";
import { trustedMarkers } from "../../src/kernel/markers.js";
import { type Harness, startHarness } from "./harness.js";
import { readAsPerson } from "./transcript.js";

/**
 * An incident on the demo repo, for end-to-end tests: the simulator and the real
 * app, the repo seeded and the app installed, and helpers to act and look.
 */
export interface IncidentFixture extends Harness {
  number: number;
  person(login: string): Octokit;
  at(hhmm: string): void;
  comment(login: string, body: string): Promise<number>;
  read(): Promise<IssueHistory>;
  appComments(kind: string, history: IssueHistory): HistoryComment[];
  /** App requests made while handling deliveries after `mark` (an index into the log). */
  requestsSince(mark: number): RequestLogEntry[];
}

export async function startIncident(options: { file?: boolean } = {}): Promise<IncidentFixture> {
  const harness = await startHarness();
  const { sim, clock } = harness;
  seedDemoRepo(sim);
  await sim.installApp(OWNER, [REPO]);
  const at = (hhmm: string) => clock.set(new Date(`2026-02-03T${hhmm}:00Z`));
  at("14:23");
  const number =
    options.file === false
      ? 0
      : sim.fileIssueForm(PEOPLE.alice, { owner: OWNER, name: REPO }, { ...FORM, labels: ["incident"] });
  await sim.settle();
  return {
    ...harness,
    number,
    person: (login) => sim.as(login),
    at,
    async comment(login, body) {
      const { data } = await sim
        .as(login)
        .rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
      await sim.settle();
      return data.id;
    },
    read: () => readAsPerson(sim.as(PEOPLE.alice), OWNER, REPO, number),
    appComments: (kind, history) =>
      history.items.flatMap((item) =>
        item.type === "comment" && trustedMarkers(item, sim.botLogin).some((marker) => marker.kind === kind)
          ? [item]
          : [],
      ),
    requestsSince: (mark) => sim.appRequests().filter((entry) => sim.log.indexOf(entry) >= mark),
  };
}

/** The timeline comment's event rows as `time | event | by` strings. */
export function timelineRows(body: string): string[] {
  const table = body.split("| Time (UTC) | Event | By |")[1] ?? "";
  return table
    .split("\n")
    .filter((line) => /^\| [\d…]/.test(line))
    .map((line) => line.replace(/ \[↗\]\([^)]*\)/g, ""));
}
