import type { Simulator } from "@incident-app/github-simulator";
import type { IssueHistory } from "../../src/kernel/history.js";
import { readAsPerson } from "../../test/support/transcript.js";
import { OWNER, REPO } from "./scenario.js";

/** The incident's action items, as people see them: every issue (not pull request) the app opened that mentions it. */
export async function readActionItems(sim: Simulator, incident: IssueHistory): Promise<IssueHistory[]> {
  const numbers = new Set<number>();
  for (const item of incident.items)
    if (
      item.type === "cross-referenced" &&
      item.source.kind === "Issue" &&
      item.source.author?.login === sim.botLogin
    )
      numbers.add(item.source.number);
  const items: IssueHistory[] = [];
  for (const number of [...numbers].sort((a, b) => a - b))
    items.push(await readAsPerson(sim.as("alice"), OWNER, REPO, number));
  return items;
}
