import { CONFIG_PATH } from "../config/config-file-name.js";
import { parseConfigText } from "../config/parse-config-text.js";
import { type Config, ConfigSchema } from "../config/schema.js";
import type { ReportWindow } from "../features/report/report-types.js";
import { monthsBefore } from "../features/report/report-window.js";
import type { Octokit } from "../github/client.js";
import { readConfigText } from "../github/read-config-text.js";
import { runReport } from "./report-command.js";

/**
 * `incident-app report --repos owner/name[,…] --out DIR [--since DAY] [--until DAY]`: the report of docs/reports.md.
 * Repos default to GITHUB_REPOSITORY; the config is the first repo's
 * `.github/incident.yml` (read through the API), or the defaults when it has none.
 */
export interface ReportArgs {
  repos: string[];
  outDir: string;
  now: Date;
  /** `--since`: first day (or instant) counted; default: six calendar months before `now`'s month. */
  since?: Date;
  /** `--until`: last day counted (a bare date includes the whole day), or an instant; default: now. */
  until?: Date;
}

const DAY_MS = 86_400_000;
const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-06-01` (midnight UTC) or an ISO instant; null when it is neither. */
function parseInstant(text: string): Date | null {
  if (!BARE_DAY.test(text) && !/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const at = new Date(BARE_DAY.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function parseReportArgs(args: string[], env: NodeJS.ProcessEnv): ReportArgs | string {
  const parsed: ReportArgs = { repos: [], outDir: "", now: new Date() };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = args[index + 1];
    if (arg === "--repos" && value) {
      parsed.repos.push(
        ...value
          .split(",")
          .map((repo) => repo.trim())
          .filter(Boolean),
      );
      index += 1;
    } else if (arg === "--out" && value) {
      parsed.outDir = value;
      index += 1;
    } else if ((arg === "--since" || arg === "--until") && value) {
      const at = parseInstant(value);
      if (!at) return `${arg} expects a date (2026-06-01) or a time (2026-06-01T12:00:00Z), not "${value}"`;
      if (arg === "--since") parsed.since = at;
      else parsed.until = BARE_DAY.test(value) ? new Date(at.getTime() + DAY_MS) : at;
      index += 1;
    } else if (arg === "--now" && value && !Number.isNaN(Date.parse(value))) {
      parsed.now = new Date(value);
      index += 1;
    } else return `unknown or incomplete option: ${arg}`;
  }
  if (parsed.repos.length === 0 && env.GITHUB_REPOSITORY) parsed.repos.push(env.GITHUB_REPOSITORY);
  if (parsed.repos.length === 0)
    return "name the repositories with --repos owner/name[,…] (or set GITHUB_REPOSITORY)";
  const bad = parsed.repos.find((repo) => !/^[\w.-]+\/[\w.-]+$/.test(repo));
  if (bad) return `not a repository (owner/name): ${bad}`;
  if (!parsed.outDir) return "name the folder to write the report into with --out <dir>";
  if (parsed.since && parsed.until && parsed.since >= parsed.until) return "--since must come before --until";
  return parsed;
}

/** `--since`/`--until`, each defaulting as the report does without them. */
export function windowOf(args: ReportArgs): ReportWindow {
  return {
    from: args.since ?? monthsBefore(args.now).from,
    to: args.until ?? args.now,
  };
}

/** The repo's `.github/incident.yml` through the API; the defaults when it has none. */
export async function reportConfig(octokit: Octokit, repo: string): Promise<Config | string> {
  const [owner = "", name = ""] = repo.split("/");
  const text = await readConfigText(octokit, owner, name);
  if (text === null) return ConfigSchema.parse({});
  const result = parseConfigText(text, CONFIG_PATH);
  return result.ok ? result.config : `${repo}: ${CONFIG_PATH} is invalid; fix it first`;
}

export async function runReportCli(
  octokit: Octokit,
  args: ReportArgs,
  botLogin: string | undefined,
): Promise<{ files: string[] } | string> {
  const first = args.repos[0] ?? "";
  const config = await reportConfig(octokit, first);
  if (typeof config === "string") return config;
  return runReport({
    octokit,
    repos: args.repos,
    outDir: args.outDir,
    now: args.now,
    config,
    ...(args.since || args.until ? { window: windowOf(args) } : {}),
    ...(botLogin ? { botLogin } : {}),
  });
}
