import type { Write } from "../kernel/plan.js";
import type { Octokit } from "./client.js";
import { ADD_PROJECT_ITEM_MUTATION, setProjectFieldsMutation } from "./queries-action-items.js";

/** Project board writes (§8): add an issue (GitHub returns the existing item when it is already there) and set fields. */
export async function addProjectItem(
  octokit: Octokit,
  write: Extract<Write, { kind: "add-project-item" }>,
): Promise<string> {
  const data = await octokit.graphql<{ addProjectV2ItemById: { item: { id: string } } }>(
    ADD_PROJECT_ITEM_MUTATION,
    { projectId: write.projectId, contentId: write.contentId },
  );
  return data.addProjectV2ItemById.item.id;
}

export async function setProjectFields(
  octokit: Octokit,
  write: Extract<Write, { kind: "set-project-fields" }>,
): Promise<void> {
  if (write.values.length === 0) return;
  const variables: Record<string, unknown> = { projectId: write.projectId, itemId: write.itemId };
  write.values.forEach((value, index) => {
    variables[`f${index}`] = value.fieldId;
    if ("date" in value) variables[`v${index}`] = { date: value.date };
    else if ("optionId" in value) variables[`v${index}`] = { singleSelectOptionId: value.optionId };
  });
  await octokit.graphql(
    setProjectFieldsMutation(write.values.map((value) => ({ clear: "clear" in value }))),
    variables,
  );
}
