import type { Simulator } from "@incident-app/github-simulator";
import { OWNER, REPO } from "./code-actions.js";

/** Runs the app's sweep (as the scheduled workflow would); returns what it posted. */
export type RunSweep = () => Promise<string[]>;

/** What people do in the demo's steps: comment, label, edit a comment; and the sweep. */
export const comment = (who: string, body: string) => (sim: Simulator, issue: number) =>
  sim.as(who).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: issue, body });

export const label = (who: string, name: string) => (sim: Simulator, issue: number) =>
  sim.as(who).rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: issue, labels: [name] });

/** Edits the most recent comment by `who` that contains `match`. */
export const edit = (who: string, match: string, body: string) => async (sim: Simulator, issue: number) => {
  const person = sim.as(who);
  const { data } = await person.rest.issues.listComments({
    owner: OWNER,
    repo: REPO,
    issue_number: issue,
    per_page: 100,
  });
  const target = data.filter((c) => c.user?.login === who && c.body?.includes(match)).at(-1);
  if (!target) throw new Error(`demo: no comment by ${who} containing “${match}”`);
  return person.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: target.id, body });
};

export const sweep = (_sim: Simulator, _issue: number, run: RunSweep) => run();

/** Ticks the checklist item holding `text`, as GitHub's UI does: the app's comment, edited by a person. */
export const tick = (who: string, text: string) => async (sim: Simulator, issue: number) => {
  const person = sim.as(who);
  const { data } = await person.rest.issues.listComments({
    owner: OWNER,
    repo: REPO,
    issue_number: issue,
    per_page: 100,
  });
  const checklist = data.find(
    (c) => c.user?.login === sim.botLogin && c.body?.includes("incident-app:checklist"),
  );
  if (!checklist?.body) throw new Error("demo: no checklist comment");
  const body = checklist.body
    .split("\n")
    .map((line) => (line.includes(text) ? line.replace("- [ ]", "- [x]") : line))
    .join("\n");
  if (body === checklist.body) throw new Error(`demo: no unticked checklist item “${text}”`);
  return person.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: checklist.id, body });
};
