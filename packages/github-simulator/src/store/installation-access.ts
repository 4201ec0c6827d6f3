import type { Repo } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

/** Endpoints only a GitHub App may call (check runs): the app's bot, installed on the repo. */
export function installationRepo(store: SimStore, actor: string, repo: Repo): void {
  if (actor !== store.botLogin) throw new SimError("FORBIDDEN", "You must authenticate via a GitHub App.");
  if (!store.installationFor(repo)) throw new SimError("FORBIDDEN", "Resource not accessible by integration");
  // Check runs are writes: an archived repository refuses them like every other write.
  if (repo.archived) throw new SimError("FORBIDDEN", "Repository was archived so is read-only.");
}
