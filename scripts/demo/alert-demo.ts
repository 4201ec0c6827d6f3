import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { asOctokit } from "../../src/github/client.js";
import { runSweep } from "../../src/pipelines/run-sweep.js";
import type { Harness } from "../../test/support/harness.js";
import type { PagerDutyReceiver } from "../../test/support/receivers/pagerduty-receiver.js";
import { readAsPerson, renderTranscript } from "../../test/support/transcript.js";
import { demoTime } from "./run-demo.js";
import { OWNER, PEOPLE } from "./scenario.js";

/**
 * The demo's second incident, from monitoring (§14): Alertmanager posts a firing alert
 * to the server's `/alerts/alertmanager`, which declares a SEV-1 in acme/checkout and
 * pages the primary through PagerDuty (a local receiver that accepts only the documented
 * Events API v2); repeats become one counted entry; nobody acknowledges within 5 minutes,
 * so the sweep pages the secondary; the primary acknowledges in PagerDuty and the signed
 * webhook comes back; the alert resolves; /resolve resolves every page.
 */
export const ALERT_REPO = "checkout";
const AM_TOKEN = "demo-alertmanager-token";
const PD_SECRET = "demo-pagerduty-webhook-secret";
const PD_KEY = "DEMOR0UTINGKEY000000000000000000";

/** What the app reads from its environment for the demo's alerts and pages (made up, local). */
export const ALERT_ENV = {
  ALERTS_REPOSITORY: `${OWNER}/${ALERT_REPO}`,
  ALERTMANAGER_TOKEN: AM_TOKEN,
  PAGERDUTY_ROUTING_KEY: PD_KEY,
  PAGERDUTY_WEBHOOK_SECRET: PD_SECRET,
};

function config(pagerDutyUrl: string): string {
  return `onCall:
  primary: [${PEOPLE.alice}]
  secondary: [${PEOPLE.carol}]
escalation:
  - { after: 5m, when: unacknowledged, notify: [secondary] }
alerts:
  sources:
    alertmanager: { secretFrom: ALERTMANAGER_TOKEN }
  routes:
    - match: { service: checkout }
      repository: ${OWNER}/${ALERT_REPO}
  resolvedMarksMitigated: true
paging:
  service: pagerduty
  pagerduty:
    routingKeyFrom: PAGERDUTY_ROUTING_KEY
    webhookSecretFrom: PAGERDUTY_WEBHOOK_SECRET
    baseUrl: ${pagerDutyUrl}
    users: { PALICE01: "@${PEOPLE.alice}", PCAROL01: "@${PEOPLE.carol}" }
`;
}

/** An Alertmanager v4 webhook, as its documentation gives it. */
function alertmanager(status: "firing" | "resolved", endsAt: string) {
  const labels = { alertname: "CheckoutErrorRateHigh", service: "checkout", severity: "critical" };
  const annotations = {
    summary: "Checkout error rate above 5% for 2 minutes",
    description: "7.8% of checkout requests fail with HTTP 502 (normal: under 0.1%).",
    runbook_url: "https://runbooks.example.com/checkout/errors",
  };
  return {
    version: "4",
    groupKey: '{}/{service="checkout"}:{alertname="CheckoutErrorRateHigh"}',
    truncatedAlerts: 0,
    status,
    receiver: "incident-app",
    groupLabels: { alertname: "CheckoutErrorRateHigh" },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: "http://alertmanager.example.com:9093",
    alerts: [
      {
        status,
        labels,
        annotations,
        startsAt: "2026-02-11T14:21:00Z",
        endsAt,
        generatorURL: "http://prometheus.example.com:9090/graph?g0.expr=checkout_error_ratio+%3E+0.05",
        fingerprint: "7d1f0c9a3e2b4c55",
      },
    ],
  };
}

export interface AlertDemoResult {
  issue: number;
  transcript: string;
  /** Each step's requests to GitHub (the app's), for the closing numbers. */
  requests: Record<string, number>;
  problems: string[];
}

export async function playAlertDemo(
  harness: Harness,
  pd: PagerDutyReceiver,
  log: (line: string) => void,
): Promise<AlertDemoResult> {
  const { sim, clock } = harness;
  sim.createRepo({ owner: OWNER, name: ALERT_REPO, files: { ".github/incident.yml": config(pd.url) } });
  const installation = await sim.installApp(OWNER, [ALERT_REPO]);
  const octokit = asOctokit(await harness.probot.auth(installation));
  const requests: Record<string, number> = {};
  const counted = async (step: string, run: () => Promise<unknown>) => {
    const before = sim.appRequests().length;
    await run();
    await harness.settle();
    requests[step] = sim.appRequests().length - before;
  };
  const post = (body: unknown) =>
    fetch(`${harness.appUrl}/alerts/alertmanager`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${AM_TOKEN}` },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));
  const at = (time: string, who: string, what: string) => {
    clock.set(demoTime(`02-11 ${time}`));
    log(`02-11 ${time} ${who} ${what}`);
  };

  at("14:23", "alertmanager", "posts CheckoutErrorRateHigh (firing) to /alerts/alertmanager");
  let answer: { status: number; body: { alerts?: Array<{ kind: string; number?: number }> } } = {
    status: 0,
    body: {},
  };
  await counted("new alert", async () => {
    answer = await post(alertmanager("firing", "0001-01-01T00:00:00Z"));
  });
  const issue = answer.body.alerts?.[0]?.number ?? 0;
  log(`        ${answer.status} ${JSON.stringify(answer.body.alerts)}`);
  for (const time of ["14:25", "14:27"]) {
    at(time, "alertmanager", "repeats the firing alert (group_interval)");
    await counted(`repeat ${time}`, () => post(alertmanager("firing", "0001-01-01T00:00:00Z")));
  }
  at("14:29", "sweep", "nobody acknowledged within 5 minutes: the secondary is paged");
  await counted("sweep", async () => {
    const report = await runSweep({
      octokit,
      repos: [`${OWNER}/${ALERT_REPO}`],
      now: clock.now(),
      dryRun: false,
      botLogin: sim.botLogin,
      outside: { chat: harness.chat, publishFiles: harness.publisher.publish, log: harness.probot.log },
    });
    for (const line of report.repos.flatMap((repo) => repo.plan)) log(`        ${line}`);
  });
  at("14:31", "alice", "acknowledges in PagerDuty (a signed v3 webhook back to /paging/pagerduty)");
  await counted("PagerDuty acknowledgement", async () => {
    const response = await pd.sendWebhook({
      url: `${harness.appUrl}/paging/pagerduty`,
      secrets: [PD_SECRET],
      eventType: "incident.acknowledged",
      dedupKey: pd.incidents[0]?.dedupKey ?? "",
      agent: { id: "PALICE01", name: "Alice Example" },
    });
    log(`        ${response.status} ${await response.text()}`);
  });
  at("14:40", "alertmanager", "posts the alert resolved");
  await counted("resolved alert", () => post(alertmanager("resolved", "2026-02-11T14:39:30Z")));
  at("14:45", "alice", "/resolve rolled back the payment gateway config");
  await counted("/resolve", () =>
    sim.as(PEOPLE.alice).rest.issues.createComment({
      owner: OWNER,
      repo: ALERT_REPO,
      issue_number: issue,
      body: "/resolve rolled back the payment gateway config",
    }),
  );
  const history = await readAsPerson(sim.as(PEOPLE.alice), OWNER, ALERT_REPO, issue);
  const transcript = renderTranscript(history);
  return { issue, transcript, requests, problems: checkAlertDemo(transcript, pd, answer.status) };
}

function checkAlertDemo(transcript: string, pd: PagerDutyReceiver, status: number): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(`alert demo: ${what}`);
  };
  expect(status === 200, `the alert was answered ${status}, not 200`);
  expect(transcript.includes("(from an alert)"), "the incident was not declared from the alert");
  expect(/fired 3 times in all/.test(transcript), "the repeats are not one counted entry");
  expect(
    transcript.includes("Acknowledged in the paging service by @alice"),
    "the PagerDuty ack is not on the timeline",
  );
  expect(
    transcript.includes("Escalated automatically (level 1) to @carol"),
    "the escalation is not on the timeline",
  );
  expect(
    transcript.includes("Alert **Checkout error rate above 5% for 2 minutes** resolved"),
    "the alert's resolution is not recorded",
  );
  expect(
    /\| Mitigated \| 14:39 \|/.test(transcript),
    "the resolved alert did not mark the incident mitigated",
  );
  const sent = pd.events.map((event) => `${event.event_action} ${event.dedup_key}`);
  const id = pd.incidents[0]?.dedupKey ?? "?";
  const want = [
    `trigger ${id}`,
    `trigger ${id}:escalation-1`,
    `acknowledge ${id}`,
    `acknowledge ${id}:escalation-1`,
    `resolve ${id}`,
    `resolve ${id}:escalation-1`,
  ];
  expect(JSON.stringify(sent) === JSON.stringify(want), `PagerDuty received ${JSON.stringify(sent)}`);
  expect(
    pd.incidents.every((incident) => incident.status === "resolved"),
    "a PagerDuty incident is still open",
  );
  return problems;
}

/** demo-output/pages/: what PagerDuty received, as JSON and as a readable page. */
export async function writePages(out: string, pd: PagerDutyReceiver): Promise<void> {
  const dir = join(out, "pages");
  await mkdir(dir, { recursive: true });
  const redacted = pd.events.map((event) => ({ ...event, routing_key: "(PAGERDUTY_ROUTING_KEY)" }));
  await writeFile(join(dir, "pagerduty-events.json"), `${JSON.stringify(redacted, null, 2)}\n`);
  const lines = [
    "# What PagerDuty received",
    "",
    "Events API v2 (`POST /v2/enqueue`), in order, as the local PagerDuty receiver accepted them (202).",
    "",
    "| # | action | dedup_key | severity | summary |",
    "|---|---|---|---|---|",
    ...pd.events.map(
      (event, index) =>
        `| ${index + 1} | ${event.event_action} | \`${event.dedup_key}\` | ${event.payload?.severity ?? ""} | ${(event.payload?.summary ?? "").replace(/\|/g, "\\|")} |`,
    ),
    "",
    "## Incidents in PagerDuty at the end",
    "",
    "| incident | dedup_key | status | triggers |",
    "|---|---|---|---|",
    ...pd.incidents.map((i) => `| #${i.number} | \`${i.dedupKey}\` | ${i.status} | ${i.triggers} |`),
    "",
  ];
  await writeFile(join(dir, "pagerduty.md"), lines.join("\n"));
}
