import type { Simulator } from "@incident-app/github-simulator";
import { followUpSteps } from "./history/seed-follow-up.js";
import { seedIncidents } from "./history/seed-history.js";
import { CONFIG_YAML, OWNER } from "./scenario.js";

/** The repo that holds six months of past incidents (so the demo incident keeps its numbers). */
export const HISTORY_REPO = "platform";

/**
 * Six months of past incidents (60, generated deterministically) played through the
 * simulator as people would, with the app answering, so the report and `/metrics`
 * read a real history.
 */
export async function seedPastIncidents(sim: Simulator, before: Date): Promise<number> {
  sim.createRepo({ owner: OWNER, name: HISTORY_REPO, files: { ".github/incident.yml": CONFIG_YAML } });
  await sim.installApp(OWNER, [HISTORY_REPO]);
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
            { owner: OWNER, name: HISTORY_REPO },
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
          const where = { owner: OWNER, repo: HISTORY_REPO, issue_number };
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
    for (const step of followUpSteps(incident, before)) {
      actions.push({
        at: step.at,
        run: async (numbers) => {
          const issue = numbers.get(incident.index) as number;
          if (step.kind === "comment")
            return sim.as(step.by).rest.issues.createComment({
              owner: OWNER,
              repo: HISTORY_REPO,
              issue_number: issue,
              body: step.body,
            });
          return step.kind === "merge-review"
            ? mergeReview(sim, step.by, issue)
            : closeActionItem(sim, step.by, issue);
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

/** Merges the app's review pull request of an incident (its body names the issue in the app's marker). */
async function mergeReview(sim: Simulator, who: string, issue: number) {
  const person = sim.as(who);
  const { data } = await person.rest.pulls.list({
    owner: OWNER,
    repo: HISTORY_REPO,
    state: "open",
    per_page: 100,
  });
  const review = data.find((pull) => (pull.body ?? "").includes(`incident-app:pir issue=${issue} `));
  if (review)
    await person.rest.pulls.merge({
      owner: OWNER,
      repo: HISTORY_REPO,
      pull_number: review.number,
      merge_method: "squash",
    });
}

/** Closes the open action item the app created for an incident. */
async function closeActionItem(sim: Simulator, who: string, issue: number) {
  const person = sim.as(who);
  const { data } = await person.rest.issues.listForRepo({
    owner: OWNER,
    repo: HISTORY_REPO,
    labels: "action-item",
    state: "open",
    per_page: 100,
  });
  const item = data.find((found) =>
    (found.body ?? "").includes(`incident-app:action-item incident=${issue} `),
  );
  if (item)
    await person.rest.issues.update({
      owner: OWNER,
      repo: HISTORY_REPO,
      issue_number: item.number,
      state: "closed",
      state_reason: "completed",
    });
}
