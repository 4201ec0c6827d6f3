import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RequestLogEntry } from "@incident-app/github-simulator";
import { type Harness, type HarnessOptions, startHarness } from "../support/harness.js";
import { readAsPerson } from "../support/transcript.js";

/**
 * The app and the simulator with a repository whose incident.yml accepts alerts, and
 * helpers that send them as each monitoring system would.
 */
export const OWNER = "acme";
export const REPO = "search";
export const TOKEN = "am-token-made-for-this-test";
export const GRAFANA_SECRET = "grafana-secret-made-for-this-test";
export const GENERIC_TOKEN = "generic-token-made-for-this-test";

export const ALERTS_YAML = `onCall:
  primary: [alice]
alerts:
  sources:
    alertmanager: { secretFrom: AM_TOKEN }
    grafana: { auth: hmac-sha256, secretFrom: GRAFANA_SECRET }
    generic: { secretFrom: GENERIC_TOKEN }
  routes:
    - match: { service: search }
      repository: acme/search
  defaultRepository: acme/search
  flappingWindow: 30m
`;

/** The intake's JSON answer. */
export interface Answer {
  status: number;
  body: {
    alerts: Array<{ kind: string; number?: number; fingerprint: string }>;
    error: string;
    refused: Array<{ fingerprint: string; reason: string }>;
  };
}

/** A payload as read from a fixture, to send as it is or changed. */
export type Payload = { alerts: Array<Record<string, unknown>> } & Record<string, unknown>;

export interface AlertsHarness extends Harness {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  alertmanager(body: unknown): Promise<Answer>;
  grafana(body: unknown): Promise<Answer>;
  generic(body: unknown): Promise<Answer>;
  issues(): Promise<Array<{ number: number; title: string; state: string; labels: string[]; body: string }>>;
  appComments(number: number): Promise<string[]>;
  timeline(number: number): Promise<string>;
}

export function fixture(name: string): Payload {
  return JSON.parse(readFileSync(new URL(`../fixtures/alerts/${name}.json`, import.meta.url), "utf8"));
}

export async function startAlertsHarness(
  config = ALERTS_YAML,
  options: HarnessOptions = {},
): Promise<AlertsHarness> {
  const harness = await startHarness({
    ...options,
    env: {
      ALERTS_REPOSITORY: `${OWNER}/${REPO}`,
      AM_TOKEN: TOKEN,
      GRAFANA_SECRET,
      GENERIC_TOKEN,
      ...options.env,
    },
  });
  const { sim } = harness;
  sim.createOrg(OWNER, ["alice", "bob", "carol"]);
  sim.createRepo({ owner: OWNER, name: REPO, files: { ".github/incident.yml": config } });
  await sim.installApp(OWNER, [REPO]);
  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    const response = await fetch(`${harness.appUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: text,
    });
    const answer = await response.text();
    await harness.settle();
    let parsed: unknown = answer;
    try {
      parsed = JSON.parse(answer);
    } catch {}
    return { status: response.status, body: parsed as Answer["body"] };
  }
  return {
    ...harness,
    post,
    alertmanager: (body) => post("/alerts/alertmanager", body, { authorization: `Bearer ${TOKEN}` }),
    grafana: (body) => {
      const text = JSON.stringify(body);
      const signature = createHmac("sha256", GRAFANA_SECRET).update(text).digest("hex");
      return post("/alerts/grafana", text, { "x-grafana-alerting-signature": signature });
    },
    generic: (body) => post("/alerts/generic", body, { authorization: `Bearer ${GENERIC_TOKEN}` }),
    async issues() {
      const person = sim.as("alice");
      const data = await person.paginate(person.rest.issues.listForRepo, {
        owner: OWNER,
        repo: REPO,
        state: "all",
        per_page: 100,
      });
      return data
        .filter((issue) => !issue.pull_request)
        .sort((a, b) => a.number - b.number)
        .map((issue) => ({
          number: issue.number,
          title: issue.title,
          state: issue.state,
          labels: issue.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
          body: issue.body ?? "",
        }));
    },
    async appComments(number) {
      const history = await readAsPerson(sim.as("alice"), OWNER, REPO, number);
      return history.items.flatMap((item) =>
        item.type === "comment" && item.author?.login === sim.botLogin ? [item.body] : [],
      );
    },
    async timeline(number) {
      const history = await readAsPerson(sim.as("alice"), OWNER, REPO, number);
      const comments = history.items.flatMap((item) =>
        item.type === "comment" && item.author?.login === sim.botLogin ? [item.body] : [],
      );
      return comments.find((body) => body.includes("incident-app:timeline")) ?? "";
    },
  };
}

/** Writes the app made (REST other than GET, GraphQL mutations). */
export function writesOf(entries: readonly RequestLogEntry[]): RequestLogEntry[] {
  return entries.filter((entry) =>
    entry.graphql
      ? /^\s*mutation\b/.test(String((entry.body as { query?: string } | null)?.query ?? ""))
      : entry.method !== "GET" && !entry.path.endsWith("/access_tokens"),
  );
}
