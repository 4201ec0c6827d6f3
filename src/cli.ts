#!/usr/bin/env node

import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ProbotOctokit } from "probot";
import { parseReportArgs, runReportCli } from "./cli/report-cli.js";
import { asOctokit } from "./github/client.js";
import { withJsonAnswers } from "./github/json-answers.js";
import { formatSweepReport, runSweep } from "./pipelines/run-sweep.js";

/**
 * `incident-app <command>`: the app's time-based work outside the server, for a
 * scheduled GitHub Actions workflow (see .github/workflows/incident-sweep.yml).
 *
 *   incident-app sweep [--repo owner/name]... [--dry-run] [--now 2026-02-05T09:00:00Z]
 *   incident-app report [--repos owner/name[,…]] --out <dir>   (docs/reports.md)
 *
 * The token comes from INCIDENT_APP_TOKEN or GITHUB_TOKEN (an installation token of
 * the app, so its comments carry the app's name and its markers are trusted); the
 * repository defaults to GITHUB_REPOSITORY; the API to GITHUB_API_URL.
 */
const USAGE = `usage:
  incident-app sweep [--repo owner/name]... [--dry-run] [--now <ISO time>] [--bot-login <slug[bot]>]
  incident-app report [--repos owner/name[,…]] --out <dir> [--since <day>] [--until <day>] [--now <ISO time>]`;

interface SweepArgs {
  repos: string[];
  dryRun: boolean;
  now: Date;
  botLogin: string | undefined;
}

export function parseSweepArgs(args: string[], env: NodeJS.ProcessEnv): SweepArgs | string {
  const parsed: SweepArgs = { repos: [], dryRun: false, now: new Date(), botLogin: env.INCIDENT_BOT_LOGIN };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = args[index + 1];
    if (arg === "--dry-run") parsed.dryRun = true;
    else if (arg === "--repo" && value) {
      parsed.repos.push(value);
      index += 1;
    } else if (arg === "--now" && value && !Number.isNaN(Date.parse(value))) {
      parsed.now = new Date(value);
      index += 1;
    } else if (arg === "--bot-login" && value) {
      parsed.botLogin = value;
      index += 1;
    } else return `unknown or incomplete option: ${arg}`;
  }
  if (parsed.repos.length === 0 && env.GITHUB_REPOSITORY) parsed.repos.push(env.GITHUB_REPOSITORY);
  if (parsed.repos.length === 0) return "name a repository with --repo owner/name (or set GITHUB_REPOSITORY)";
  return parsed;
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "sweep" && command !== "report") {
    console.error(USAGE);
    return command === undefined || command === "--help" ? 0 : 2;
  }
  const args = command === "sweep" ? parseSweepArgs(rest, env) : parseReportArgs(rest, env);
  if (typeof args === "string") {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  const token = env.INCIDENT_APP_TOKEN ?? env.GITHUB_TOKEN;
  if (!token) {
    console.error(
      "set INCIDENT_APP_TOKEN (or GITHUB_TOKEN) to a token that may read (for sweep: write) issues",
    );
    return 2;
  }
  const octokit = asOctokit(
    new (withJsonAnswers(ProbotOctokit))({
      auth: { token },
      ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    }),
  );
  if (!("dryRun" in args)) {
    const written = await runReportCli(octokit, args, env.INCIDENT_BOT_LOGIN);
    if (typeof written === "string") {
      console.error(written);
      return 1;
    }
    console.log(`wrote ${written.files.length} files: ${written.files.join(", ")}`);
    return 0;
  }
  const report = await runSweep({
    octokit,
    repos: args.repos,
    now: args.now,
    dryRun: args.dryRun,
    botLogin: args.botLogin,
  });
  console.log(formatSweepReport(report, args.dryRun));
  return 0;
}

/** Run as a program (also through the `incident-app` bin link), not when imported. */
function isEntry(): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return pathToFileURL(realpathSync(invoked)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntry()) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
