import type { LabelSpec } from "../kernel/plan.js";
import type { Octokit } from "./client.js";

/** The names of the labels a repository has. */
export async function listLabelNames(octokit: Octokit, owner: string, repo: string): Promise<Set<string>> {
  const existing = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
    owner,
    repo,
    per_page: 100,
  });
  return new Set(existing.map((label) => label.name));
}

export async function createLabels(octokit: Octokit, owner: string, repo: string, labels: LabelSpec[]) {
  for (const label of labels) {
    try {
      await octokit.rest.issues.createLabel({ owner, repo, ...label });
    } catch (error) {
      // Someone (or another replica) created it meanwhile: that is the state we wanted.
      if ((error as { status?: number }).status !== 422) throw error;
    }
  }
}
