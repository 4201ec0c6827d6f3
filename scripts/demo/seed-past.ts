import { seedIncidents } from "../../src/report/seed-history.js";
import type { Simulator } from "../../test/simulator/index.js";
import { OWNER, REPO } from "./scenario.js";

/**
 * Six months of past incidents (60, generated deterministically) played through the
 * simulator as people would, with the app answering, so the report and `/metrics`
 * read a real history.
 */
export async function seedPastIncidents(sim: Simulator, before: Date): Promise<number> {
  const incidents = seedIncidents({ before });
  type Action = { at: Date; run: (numbers: Map<number, number>) => Promise<unknown> | unknown };
  const actions: Action[] = [];
  for (const incident of incidents) {
    actions.push({
      at: incident.createdAt,
      run: (numbers) =>
        numbers.set(
          incident.index,
          sim.fileIssueForm(
            incident.author,
            { owner: OWNER, name: REPO },
            { title: incident.title, body: incident.body, labels: incident.labels },
          ),
        ),
    });
    for (const step of incident.steps) {
      actions.push({
        at: step.at,
        run: (numbers) => {
          const issue_number = numbers.get(incident.index) as number;
          const person = sim.as(step.by);
          const where = { owner: OWNER, repo: REPO, issue_number };
          switch (step.kind) {
            case "comment":
              return person.rest.issues.createComment({ ...where, body: step.body });
            case "label":
              return person.rest.issues.addLabels({ ...where, labels: [step.label] });
            case "close":
              return person.rest.issues.update({
                ...where,
                state: "closed",
                state_reason: step.reason === "NOT_PLANNED" ? "not_planned" : "completed",
              });
            case "reopen":
              return person.rest.issues.update({ ...where, state: "open" });
          }
        },
      });
    }
  }
  actions.sort((a, b) => a.at.getTime() - b.at.getTime());
  const numbers = new Map<number, number>();
  for (const action of actions) {
    sim.clock.set(action.at);
    await action.run(numbers);
    await sim.settle();
  }
  return incidents.length;
}
