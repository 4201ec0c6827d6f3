import type { Config } from "../config/schema.js";
import { applyPlan } from "../github/apply-plan.js";
import type { Octokit } from "../github/client.js";
import { loadConfig } from "../github/load-config.js";
import { historyVariables, readHistory } from "../github/read-history.js";
import { readOpenIncidents } from "../github/read-open-incidents.js";
import { idFromTitle } from "../kernel/incident-id.js";
import { marker, trustedMarkers } from "../kernel/markers.js";
import { parseOpsgenieWebhook } from "../outside/paging/opsgenie-webhook.js";
import { describeActor, parsePagerDutyWebhook } from "../outside/paging/pagerduty-webhook.js";
import { verifyBearer, verifyPagerDutySignature } from "../outside/verify-signature.js";
import { convergeIncident } from "./converge-incident.js";
import type { AlertAnswer, AlertDeps } from "./receive-alerts.js";

/**
 * The paging services' webhooks back (§14): PagerDuty's signed v3 webhooks and
 * Opsgenie's Webhook integration (its custom `Authorization` header). An acknowledgement
 * or resolution made there is recorded on the incident (a comment with a `page-back`
 * marker, once per event) as done by the mapped GitHub login, or by the person's name
 * there when unmapped; then the incident converges like after any event, so labels,
 * timeline and chat follow. The incident is found by its id among the open incidents
 * of the repositories the alert settings name.
 */
export interface PageBackRequest {
  body: Buffer;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

type Deps = Omit<AlertDeps, "batches">;

/** What came back, whichever service it came from. */
interface PageBack {
  service: "PagerDuty" | "Opsgenie";
  what: "acknowledged" | "resolved";
  incidentId: string;
  eventId: string;
  by: { login: string | null; name: string };
  /** `Alice Example (PagerDuty)` or `@alice`. */
  said: string;
}

interface Loaded {
  owner: string;
  repo: string;
  octokit: Octokit;
  config: Config;
}

const answer = (status: number, body: Record<string, unknown>): AlertAnswer => ({ status, body });
const header = (request: PageBackRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

async function loadAlertsConfig(deps: Deps): Promise<Loaded | AlertAnswer> {
  if (!deps.configRepository)
    return answer(503, { error: "paging is not set up: ALERTS_REPOSITORY names no repository" });
  const [owner, repo] = deps.configRepository.split("/") as [string, string];
  const octokit = await deps.octokit(owner, repo);
  const now = deps.clock();
  const loaded = await loadConfig(
    { octokit, repo: () => ({ owner, repo }) },
    { oid: undefined, now: () => now.getTime() },
  );
  if (!loaded.ok) return answer(503, { error: `the configuration is invalid: see ${loaded.error.file}` });
  return { owner, repo, octokit, config: loaded.config };
}

function parseJson(body: Buffer): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(body.toString("utf8")) };
  } catch {
    return { ok: false };
  }
}

export async function receivePagerDutyWebhook(request: PageBackRequest, deps: Deps): Promise<AlertAnswer> {
  const loaded = await loadAlertsConfig(deps);
  if ("status" in loaded) return loaded;
  const settings = loaded.config.paging.pagerduty;
  const secretFrom = settings?.webhookSecretFrom;
  if (!settings || !secretFrom)
    return answer(404, { error: "PagerDuty webhooks are not enabled (paging.pagerduty.webhookSecretFrom)" });
  // Several secrets, comma-separated, while a subscription's secret rotates.
  const secrets = (deps.env()[secretFrom] ?? "")
    .split(",")
    .map((one) => one.trim())
    .filter(Boolean);
  if (!verifyPagerDutySignature(secrets, request.body, header(request, "x-pagerduty-signature")))
    return answer(401, { error: "missing or wrong X-PagerDuty-Signature" });
  const json = parseJson(request.body);
  if (!json.ok) return answer(400, { error: "malformed JSON" });
  const parsed = parsePagerDutyWebhook(json.json, settings.users);
  if (!parsed.ok)
    return answer(400, { error: parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n") });
  const { fact } = parsed;
  if (fact.kind === "ignored") return answer(200, { ignored: fact.reason });
  if (fact.kind !== "acknowledged" && fact.kind !== "resolved") return answer(200, { ignored: fact.kind });
  // Our own acknowledge and resolve events come back too: they are not news.
  if (fact.by.kind === "integration") return answer(200, { ignored: "made by an integration" });
  if (!fact.incidentId) return answer(200, { ignored: "no incident id in the PagerDuty incident" });
  const person = fact.by.kind === "person" ? fact.by : null;
  return recordPageBack(
    {
      service: "PagerDuty",
      what: fact.kind,
      incidentId: fact.incidentId,
      eventId: fact.eventId,
      by: { login: person?.githubLogin ?? null, name: person?.name ?? "PagerDuty" },
      said: describeActor(fact.by),
    },
    loaded,
    deps,
  );
}

export async function receiveOpsgenieWebhook(request: PageBackRequest, deps: Deps): Promise<AlertAnswer> {
  const loaded = await loadAlertsConfig(deps);
  if ("status" in loaded) return loaded;
  const settings = loaded.config.paging.opsgenie;
  const tokenFrom = settings?.webhookTokenFrom;
  if (!settings || !tokenFrom)
    return answer(404, { error: "Opsgenie webhooks are not enabled (paging.opsgenie.webhookTokenFrom)" });
  if (!verifyBearer(deps.env()[tokenFrom] ?? "", header(request, "authorization")))
    return answer(401, { error: "missing or wrong Authorization: Bearer token" });
  const json = parseJson(request.body);
  if (!json.ok) return answer(400, { error: "malformed JSON" });
  const parsed = parseOpsgenieWebhook(json.json, settings.users);
  if (!parsed.ok)
    return answer(400, { error: parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n") });
  const { fact } = parsed;
  if (fact.kind === "ignored") return answer(200, { ignored: fact.reason });
  if (!fact.by) return answer(200, { ignored: "made through the Alert API" });
  if (!fact.incidentId) return answer(200, { ignored: "no incident id in the Opsgenie alert" });
  const said = fact.by.login ? `@${fact.by.login}` : `${fact.by.name} (Opsgenie)`;
  return recordPageBack(
    {
      service: "Opsgenie",
      what: fact.kind,
      incidentId: fact.incidentId,
      eventId: fact.eventId,
      by: fact.by,
      said,
    },
    loaded,
    deps,
  );
}

async function recordPageBack(back: PageBack, loaded: Loaded, deps: Deps): Promise<AlertAnswer> {
  const now = deps.clock();
  const home = `${loaded.owner}/${loaded.repo}`;
  const repositories = new Set([home, ...loaded.config.alerts.routes.map((route) => route.repository)]);
  for (const full of repositories) {
    const [o, r] = full.split("/") as [string, string];
    const client = full === home ? loaded.octokit : await deps.octokit(o, r);
    const repoConfig =
      full === home
        ? { ok: true as const, config: loaded.config }
        : await loadConfig(
            { octokit: client, repo: () => ({ owner: o, repo: r }) },
            { oid: undefined, now: () => now.getTime() },
          );
    if (!repoConfig.ok) continue;
    const config = repoConfig.config;
    const open = await readOpenIncidents(client, { owner: o, repo: r }, config.labels.incident);
    const found = open.find((issue) => idFromTitle(issue.title) === back.incidentId);
    if (!found) continue;
    const variables = historyVariables(config, now, { withRecent: false, id: back.incidentId });
    const history = await readHistory(client, { owner: o, repo: r, number: found.number }, variables);
    if (!history) continue;
    const botLogin = await deps.botLogin();
    const where = { incident: back.incidentId, repository: full, number: found.number };
    const recorded = history.items.some(
      (item) =>
        item.type === "comment" &&
        trustedMarkers(item, botLogin).some((m) => m.kind === "page-back" && m.fields.event === back.eventId),
    );
    if (recorded) return answer(200, { recorded: false, ...where });
    const fields: Record<string, string> = { service: back.service, what: back.what, event: back.eventId };
    if (back.by.login) fields.login = back.by.login;
    else fields.name = encodeURIComponent(back.by.name).replace(/-/g, "%2D");
    const body = [
      marker("page-back", fields),
      `📟 ${back.what === "acknowledged" ? "Acknowledged" : "Resolved"} in ${back.service} by ${back.said}.`,
      "",
    ].join("\n");
    const target = { owner: o, repo: r, number: found.number, issueId: history.issue.id };
    const plan = [{ kind: "add-comment", purpose: "notice", body } as const];
    const applied = await applyPlan(client, target, plan, variables);
    await convergeIncident({
      octokit: client,
      target,
      history: applied.history ?? history,
      config,
      botLogin,
      formTemplate: deps.formTemplate,
      now,
      variables,
      checkLabels: false,
      log: deps.log,
      ...(deps.outside ? { outside: deps.outside } : {}),
    });
    return answer(200, { recorded: true, ...where });
  }
  return answer(200, { ignored: `no open incident ${back.incidentId}` });
}
