import { applyPlan } from "../github/apply-plan.js";
import { loadConfig } from "../github/load-config.js";
import { historyVariables, readHistory } from "../github/read-history.js";
import { readOpenIncidents } from "../github/read-open-incidents.js";
import { idFromTitle } from "../kernel/incident-id.js";
import { marker, trustedMarkers } from "../kernel/markers.js";
import { describeActor, parsePagerDutyWebhook } from "../outside/paging/pagerduty-webhook.js";
import { verifyPagerDutySignature } from "../outside/verify-signature.js";
import { convergeIncident } from "./converge-incident.js";
import type { AlertAnswer, AlertDeps } from "./receive-alerts.js";

/**
 * PagerDuty's signed v3 webhooks back (§14): an acknowledgement or resolution made in
 * PagerDuty is recorded on the incident (a comment with a `page-back` marker, once per
 * PagerDuty event) as done by the mapped GitHub login, or by the person's PagerDuty
 * name when unmapped; then the incident converges like after any event, so labels,
 * timeline and chat follow. The incident is found by its id among the open incidents
 * of the repositories the alert settings name.
 */
export interface PageBackRequest {
  body: Buffer;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

type Deps = Omit<AlertDeps, "batches">;

const answer = (status: number, body: Record<string, unknown>): AlertAnswer => ({ status, body });

export async function receivePagerDutyWebhook(request: PageBackRequest, deps: Deps): Promise<AlertAnswer> {
  if (!deps.configRepository)
    return answer(503, { error: "paging is not set up: ALERTS_REPOSITORY names no repository" });
  const [owner, repo] = deps.configRepository.split("/") as [string, string];
  const now = deps.clock();
  const octokit = await deps.octokit(owner, repo);
  const loaded = await loadConfig(
    { octokit, repo: () => ({ owner, repo }) },
    { oid: undefined, now: () => now.getTime() },
  );
  if (!loaded.ok) return answer(503, { error: `the configuration is invalid: see ${loaded.error.file}` });
  const settings = loaded.config.paging.pagerduty;
  const secretFrom = settings?.webhookSecretFrom;
  if (!settings || !secretFrom)
    return answer(404, { error: "PagerDuty webhooks are not enabled (paging.pagerduty.webhookSecretFrom)" });
  // Several secrets, comma-separated, while a subscription's secret rotates.
  const secrets = (deps.env()[secretFrom] ?? "")
    .split(",")
    .map((one) => one.trim())
    .filter(Boolean);
  const header = request.headers["x-pagerduty-signature"];
  if (!verifyPagerDutySignature(secrets, request.body, Array.isArray(header) ? header[0] : header))
    return answer(401, { error: "missing or wrong X-PagerDuty-Signature" });
  let json: unknown;
  try {
    json = JSON.parse(request.body.toString("utf8"));
  } catch {
    return answer(400, { error: "malformed JSON" });
  }
  const parsed = parsePagerDutyWebhook(json, settings.users);
  if (!parsed.ok)
    return answer(400, { error: parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n") });
  const { fact } = parsed;
  if (fact.kind === "ignored") return answer(200, { ignored: fact.reason });
  if (fact.kind !== "acknowledged" && fact.kind !== "resolved") return answer(200, { ignored: fact.kind });
  // Our own acknowledge and resolve events come back too: they are not news.
  if (fact.by.kind === "integration") return answer(200, { ignored: "made by an integration" });
  if (!fact.incidentId) return answer(200, { ignored: "no incident id in the PagerDuty incident" });

  const repositories = new Set([
    deps.configRepository,
    ...loaded.config.alerts.routes.map((route) => route.repository),
  ]);
  for (const full of repositories) {
    const [o, r] = full.split("/") as [string, string];
    const client = full === deps.configRepository ? octokit : await deps.octokit(o, r);
    const repoConfig =
      full === deps.configRepository
        ? loaded
        : await loadConfig(
            { octokit: client, repo: () => ({ owner: o, repo: r }) },
            { oid: undefined, now: () => now.getTime() },
          );
    if (!repoConfig.ok) continue;
    const config = repoConfig.config;
    const open = await readOpenIncidents(client, { owner: o, repo: r }, config.labels.incident);
    const found = open.find((issue) => idFromTitle(issue.title) === fact.incidentId);
    if (!found) continue;
    const variables = historyVariables(config, now, { withRecent: false, id: fact.incidentId });
    const history = await readHistory(client, { owner: o, repo: r, number: found.number }, variables);
    if (!history) continue;
    const botLogin = await deps.botLogin();
    const recorded = history.items.some(
      (item) =>
        item.type === "comment" &&
        trustedMarkers(item, botLogin).some((m) => m.kind === "page-back" && m.fields.event === fact.eventId),
    );
    const target = { owner: o, repo: r, number: found.number, issueId: history.issue.id };
    if (recorded)
      return answer(200, {
        recorded: false,
        incident: fact.incidentId,
        repository: full,
        number: found.number,
      });
    const person = fact.by.kind === "person" ? fact.by : null;
    const fields: Record<string, string> = { service: "PagerDuty", what: fact.kind, event: fact.eventId };
    if (person?.githubLogin) fields.login = person.githubLogin;
    else if (person) fields.name = encodeURIComponent(person.name).replace(/-/g, "%2D");
    const body = [
      marker("page-back", fields),
      `📟 ${fact.kind === "acknowledged" ? "Acknowledged" : "Resolved"} in PagerDuty by ${describeActor(fact.by)}.`,
      "",
    ].join("\n");
    const applied = await applyPlan(
      client,
      target,
      [{ kind: "add-comment", purpose: "notice", body }],
      variables,
    );
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
    return answer(200, { recorded: true, incident: fact.incidentId, repository: full, number: found.number });
  }
  return answer(200, { ignored: `no open incident ${fact.incidentId}` });
}
