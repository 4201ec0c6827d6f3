import type { AlertsConfig } from "../config/alerts-schema.js";
import type { Config } from "../config/schema.js";
import type { AlertSource } from "../features/alerts/alert.js";
import { alertWords } from "../features/alerts/alert-words.js";
import { parseAlertPayload } from "../features/alerts/parse-alert-payload.js";
import { describeProblems } from "../features/alerts/payload-problem.js";
import { routeAlert } from "../features/alerts/route-alert.js";
import type { Octokit } from "../github/client.js";
import { meterContent } from "../github/content-meter.js";
import { loadConfig } from "../github/load-config.js";
import { grafanaSignedContent, verifyBearer, verifyHexHmac } from "../outside/verify-signature.js";
import { AlertBatches } from "./alert-batches.js";
import { contentAccount } from "./alert-content.js";
import type { ContentBudget } from "./content-budget.js";
import type { OutsideDeps, PipelineLog } from "./converge-incident.js";
import { type AlertJob, type AlertOutcome, handleAlert } from "./handle-alert.js";
import type { IssueLock } from "./issue-lock.js";

/**
 * Alerts in (§14): one request of a monitoring system → check who sent it (the
 * source's own secret, compared in constant time) → read the JSON → route each alert
 * → hand each to its pipeline, notifications of one fingerprint together. The answer
 * says what became of each alert, or what was wrong, never nothing.
 */
export interface AlertRequest {
  source: AlertSource;
  body: Buffer;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Actions mode: GitHub already checked who sent the `repository_dispatch`. */
  authenticated?: boolean;
}

export interface AlertAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface AlertDeps {
  /** The installation Octokit of a repository. */
  octokit: (owner: string, repo: string) => Promise<Octokit>;
  /** `owner/name` whose `.github/incident.yml` holds the `alerts:` settings. */
  configRepository: string | null;
  env: () => Readonly<Record<string, string | undefined>>;
  clock: () => Date;
  botLogin: () => Promise<string>;
  formTemplate: string;
  log: PipelineLog;
  outside?: OutsideDeps;
  batches: AlertBatches<AlertJob, AlertOutcome>;
  /** GitHub's content-creating limits, spent per account (in Redis across replicas). */
  contentBudget: ContentBudget;
}

export function alertBatches(lock: IssueLock): AlertBatches<AlertJob, AlertOutcome> {
  return new AlertBatches(lock);
}

const fail = (status: number, error: string): AlertAnswer => ({ status, body: { error } });

export async function receiveAlerts(request: AlertRequest, deps: AlertDeps): Promise<AlertAnswer> {
  if (!deps.configRepository)
    return fail(
      503,
      "alerts are not set up: ALERTS_REPOSITORY names no repository whose incident.yml holds `alerts:`",
    );
  const [owner, repo] = deps.configRepository.split("/") as [string, string];
  const now = deps.clock();
  const octokit = await deps.octokit(owner, repo);
  const loaded = await loadConfig(
    { octokit, repo: () => ({ owner, repo }) },
    { oid: undefined, now: () => now.getTime() },
  );
  if (!loaded.ok) return fail(503, `the alerts configuration is invalid: see ${loaded.error.file}`);
  const config = loaded.config;
  // A repository_dispatch was authenticated by GitHub: no source secret is needed for it.
  if (!request.authenticated) {
    const source = config.alerts.sources[request.source];
    if (!source)
      return fail(
        404,
        `the ${request.source} source is not enabled in ${deps.configRepository}'s incident.yml (alerts.sources)`,
      );
    if (!authentic(request, source, deps)) return fail(401, "missing or wrong credentials");
  }

  let json: unknown;
  try {
    json = JSON.parse(request.body.toString("utf8"));
  } catch (error) {
    return fail(400, `malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseAlertPayload(request.source, json);
  if (!parsed.ok) return fail(400, describeProblems(parsed.problems));

  const severities = config.severities.map((severity) => severity.name);
  const jobs: Array<Promise<AlertOutcome & { fingerprint: string }>> = [];
  const refused: Array<{ fingerprint: string; reason: string }> = [];
  for (const alert of parsed.alerts) {
    const route = routeAlert(alert, config.alerts, severities);
    if (route.kind === "reject-unmapped") {
      refused.push({ fingerprint: alert.fingerprint, reason: route.reason });
      continue;
    }
    const job: AlertJob = { alert, route, firings: 1 };
    const key = `${route.repository}|${alert.source}|${alert.fingerprint}`;
    jobs.push(
      deps.batches
        .submit(key, job, (batch) => handleBatch(batch, config, deps))
        .then((outcome) => ({ ...outcome, fingerprint: alert.fingerprint })),
    );
  }
  const results = await Promise.all(jobs);
  const body: Record<string, unknown> = { alerts: results };
  if (parsed.truncatedAlerts > 0) body.note = alertWords.truncated(parsed.truncatedAlerts);
  const waits = results.flatMap((result) => (result.kind === "deferred" ? [result.retryAfterSeconds] : []));
  // Not handled yet, not dropped: the sender keeps it and sends it again (Alertmanager retries a 5xx).
  if (waits.length)
    return {
      status: 503,
      body: { ...body, error: alertWords.deferred(waits.length), retryAfter: Math.max(...waits) },
    };
  if (refused.length) return { status: 422, body: { ...body, error: "alerts no route matches", refused } };
  return { status: 200, body };
}

/** A round of one fingerprint: the latest notification decides, the firings among them count. */
async function handleBatch(batch: AlertJob[], config: Config, deps: AlertDeps): Promise<AlertOutcome> {
  const last = batch.at(-1) as AlertJob;
  const firings = batch.filter((job) => job.alert.status === "firing").length;
  const [owner, repo] = last.route.repository.split("/") as [string, string];
  const octokit = await deps.octokit(owner, repo);
  const { storm } = config.alerts;
  const limits = { perMinute: storm.contentPerMinute, perHour: storm.contentPerHour };
  // GitHub counts content per account (an installation): every repository of it shares one budget.
  const content = contentAccount(deps.contentBudget, owner, limits, deps.clock);
  const meter = meterContent(octokit);
  try {
    return await handleAlert(
      { ...last, firings: Math.max(1, firings) },
      {
        octokit,
        botLogin: await deps.botLogin(),
        formTemplate: deps.formTemplate,
        now: deps.clock(),
        log: deps.log,
        dedupe: dedupeSettings(config.alerts),
        newIncidentsPerMinute: storm.newIncidentsPerMinute,
        exclusive: (key, work) => deps.batches.exclusive(key, work),
        content,
        ...(deps.outside ? { outside: deps.outside } : {}),
      },
    );
  } finally {
    meter.stop();
    await content.settle(meter.count());
  }
}

function dedupeSettings(alerts: AlertsConfig) {
  return { flappingWindowMs: alerts.flappingWindow, resolvedMarksMitigated: alerts.resolvedMarksMitigated };
}

type SourceSettings = NonNullable<AlertsConfig["sources"][AlertSource]>;

function authentic(request: AlertRequest, source: SourceSettings, deps: AlertDeps): boolean {
  const secret = deps.env()[source.secretFrom];
  if (!secret) {
    deps.log.warn({ source: request.source, variable: source.secretFrom }, "alert source has no secret set");
    return false;
  }
  const header = (name: string) => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  if (source.auth === "bearer") return verifyBearer(secret, header("authorization"));
  const settings = source as Extract<SourceSettings, { header: string }>;
  const timestamp = settings.timestampHeader ? header(settings.timestampHeader) : undefined;
  if (settings.timestampHeader && !fresh(timestamp, deps.clock())) return false;
  return verifyHexHmac(secret, grafanaSignedContent(request.body, timestamp), header(settings.header));
}

/** A signed timestamp (Unix seconds) within five minutes of now: an old request is not replayed. */
const REPLAY_WINDOW_MS = 5 * 60_000;

function fresh(timestamp: string | undefined, now: Date): boolean {
  if (!timestamp || !/^\d+$/.test(timestamp)) return false;
  return Math.abs(now.getTime() - Number(timestamp) * 1000) <= REPLAY_WINDOW_MS;
}
