import { readFile } from "node:fs/promises";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../app.js";
import { asOctokit } from "../github/client.js";
import { withJsonAnswers } from "../github/json-answers.js";
import { publishFiles } from "../github/publish-files.js";
import { defaultChatDeps } from "../outside/chat/chat-deps.js";
import { warRoomDepsFromEnv } from "../outside/slack/slack-deps.js";
import { runSweep } from "../pipelines/run-sweep.js";

/**
 * GitHub Actions mode: no server. A workflow job runs the app once on the event
 * that started it (`GITHUB_EVENT_NAME`, the payload at `GITHUB_EVENT_PATH`), with
 * the job's `GITHUB_TOKEN` or an app token, then exits.
 *
 * The app's bot login (to ignore its own echoes and trust only its own markers)
 * cannot be asked of GitHub with an installation token, so it comes from
 * APP_SLUG: `github-actions` (the default token's bot), or the slug of the app
 * whose token is used.
 */
export const SWEEP_EVENTS = new Set(["schedule", "workflow_dispatch"]);
const DEFAULT_TOKEN_SLUG = "github-actions";

export interface ActionsRunOptions {
  env: NodeJS.ProcessEnv;
  clock?: () => Date;
  /** Tests turn off throttling and retries. */
  Octokit?: typeof ProbotOctokit;
}

export type ActionsOutcome =
  | { kind: "handled"; event: string; botLogin: string }
  | { kind: "swept"; event: string; repos: string[]; actions: number };

function required(env: NodeJS.ProcessEnv, name: string, hint: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is not set: ${hint}`);
  return value;
}

export async function runActionsEvent(options: ActionsRunOptions): Promise<ActionsOutcome> {
  const { env } = options;
  const event = required(
    env,
    "GITHUB_EVENT_NAME",
    "run this inside a GitHub Actions job (see docs/getting-started.md).",
  );
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) {
    throw new Error(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression for people to copy
      "GITHUB_TOKEN is not set: add `GITHUB_TOKEN: ${{ github.token }}` (or an app token) to the step's `env`.",
    );
  }
  const slug = env.APP_SLUG?.trim() || DEFAULT_TOKEN_SLUG;
  const probot = new Probot({
    githubToken: token,
    baseUrl: env.GITHUB_API_URL?.trim() || "https://api.github.com",
    logLevel: (env.LOG_LEVEL as "info" | undefined) ?? "info",
    logFormat: env.LOG_FORMAT === "json" ? "json" : "pretty",
    Octokit: options.Octokit ?? withJsonAnswers(ProbotOctokit),
  });

  const botLogin = `${slug}[bot]`;
  const warRoom = warRoomDepsFromEnv(() => env);
  await probot.load(
    createApp({ clock: options.clock ?? (() => new Date()), botLogin: async () => botLogin, warRoom }),
  );

  if (SWEEP_EVENTS.has(event)) {
    // One sweep of the job's repository, with the runner the server's timer uses.
    const repos = env.GITHUB_REPOSITORY?.trim() ? [env.GITHUB_REPOSITORY.trim()] : [];
    const chat = defaultChatDeps();
    const report = await runSweep({
      octokit: asOctokit(await probot.auth()),
      repos,
      now: (options.clock ?? (() => new Date()))(),
      dryRun: false,
      botLogin,
      log: probot.log.child({ sweep: repos.join(",") }),
      // Escalations the sweep adds reach the chat targets like the webhooks' notices, and
      // the incident's Slack channel when a bot token is set.
      outside: { chat, publishFiles, log: probot.log, ...(env.SLACK_BOT_TOKEN ? { warRoom } : {}) },
    });
    await chat.background.idle();
    await warRoom.background.idle();
    probot.log.info({ event, repos, actions: report.actions.length }, "sweep done");
    return { kind: "swept", event, repos, actions: report.actions.length };
  }

  const path = required(env, "GITHUB_EVENT_PATH", "run this inside a GitHub Actions job.");
  const payload = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
  await probot.receive({
    id: env.GITHUB_RUN_ID ?? "local",
    name: event,
    payload,
  } as Parameters<Probot["receive"]>[0]);
  return { kind: "handled", event, botLogin };
}
