import type { Probot } from "probot";
import { repoOctokit } from "../github/installations.js";
import type { AppDeps } from "../pipelines/app-deps.js";
import { type AlertDeps, alertBatches } from "../pipelines/receive-alerts.js";

/** What the alert pipeline takes from the running app; one set of batches per app. */
const batchesByApp = new WeakMap<Probot, AlertDeps["batches"]>();

export function alertDeps(app: Probot, deps: AppDeps): AlertDeps {
  let batches = batchesByApp.get(app);
  if (!batches) {
    batches = alertBatches(deps.lock);
    batchesByApp.set(app, batches);
  }
  const log = app.log.child({ name: "alerts" });
  return {
    octokit: (owner, repo) => repoOctokit(app, owner, repo),
    configRepository: deps.env().ALERTS_REPOSITORY?.trim() || null,
    env: deps.env,
    clock: deps.clock,
    botLogin: deps.botLogin,
    formTemplate: deps.formTemplate,
    log: {
      info: (fields, message) => log.info(fields, message),
      debug: (fields, message) => log.debug(fields, message),
      warn: (fields, message) => log.warn(fields, message),
    },
    outside: { chat: deps.chat, publishFiles: deps.publishFiles, log },
    batches,
    contentBudget: deps.contentBudget,
  };
}
