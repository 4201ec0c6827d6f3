import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Probot } from "probot";
import type { PublishFiles } from "./github/publish-files.js";
import type { RetryPolicy } from "./github/retry-policy.js";
import type { ChatDeps } from "./notify/chat-deps.js";
import { packageRoot } from "./render/package-root.js";

/**
 * What the app takes from outside: the clock (the demo and tests drive a simulated
 * one), the issue form it reads bodies with, its own login, chat delivery, how the
 * status site's files reach their branch, and how hard it retries (tests shrink the waits).
 */
export interface AppDeps {
  clock: () => Date;
  formTemplate: string;
  botLogin: () => Promise<string>;
  chat: ChatDeps;
  publishFiles: PublishFiles;
  retry: RetryPolicy;
}

export function readFormTemplate(): string {
  return readFileSync(join(packageRoot(), ".github", "ISSUE_TEMPLATE", "incident.yml"), "utf8");
}

/**
 * The app's bot login (`slug[bot]`): from APP_SLUG when set, else asked of GitHub
 * once per process (`GET /app`, authenticated as the app).
 */
export function botLoginResolver(app: Probot, slug = process.env.APP_SLUG): () => Promise<string> {
  let known: Promise<string> | null = slug ? Promise.resolve(`${slug}[bot]`) : null;
  return () => {
    known ??= app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => `${data?.slug}[bot]`)
      .catch((error: unknown) => {
        known = null;
        throw error;
      });
    return known;
  };
}
