import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import { labelSpecs } from "../features/incident/label-specs.js";
import { asOctokit } from "../github/client.js";
import { createLabels, listLabelNames } from "../github/repo-labels.js";

/**
 * Labels are created when the app is installed on a repo, and lazily (at most once
 * per repo per process) when an incident event finds one missing.
 */
const checked = new Set<string>();

/** True if this process already made sure the repo has its labels. */
export function labelsChecked(repo: string): boolean {
  return checked.has(repo);
}

/** Only once the labels are known to exist: a failed attempt must leave the check to the next event. */
export function markLabelsChecked(repo: string): void {
  checked.add(repo);
}

export function forgetCheckedLabels(): void {
  checked.clear();
}

/**
 * Throttled at one write a second, fifteen labels take longer than GitHub waits for
 * the answer, so this stops at `deadline` (a `performance.now()` time); the first
 * incident event in the repo creates the rest.
 */
export async function createLabelsOnInstall(
  context: Context<"installation" | "installation_repositories">,
  config: Config,
  deadline = Number.POSITIVE_INFINITY,
): Promise<void> {
  const octokit = asOctokit(context.octokit);
  const payload = context.payload;
  const repos =
    "repositories_added" in payload
      ? payload.repositories_added
      : "repositories" in payload
        ? payload.repositories
        : [];
  for (const repository of repos ?? []) {
    const [owner, repo] = repository.full_name.split("/") as [string, string];
    const names = await listLabelNames(octokit, owner, repo);
    for (const label of labelSpecs(config).filter((spec) => !names.has(spec.name))) {
      if (performance.now() >= deadline) {
        context.log.info(
          { repo: repository.full_name },
          "out of time creating labels; the next event continues",
        );
        return;
      }
      try {
        await createLabels(octokit, owner, repo, [label]);
      } catch (error) {
        // An archived repository is read-only: nothing to label there, the others still are.
        if (!/archived/i.test(String((error as { message?: unknown }).message))) throw error;
        context.log.info({ repo: repository.full_name }, "archived repository: no labels created");
        break;
      }
    }
    checked.add(repository.full_name);
  }
}
