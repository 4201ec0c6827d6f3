import { generateKeyPairSync } from "node:crypto";
import {
  BENCH_LATENCY,
  botOctokit,
  createRealClock,
  type Delivery,
  type Simulator,
  startSimulator,
} from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { ConfigSchema } from "../../src/config/schema.js";
import { INCIDENT_HISTORY_QUERY } from "../../src/github/queries.js";
import { historyVariables } from "../../src/github/read-history.js";
import { WEBHOOK_SECRET } from "../../test/support/harness.js";
import { FORM, OWNER, PEOPLE, REPO, seedDemoRepo } from "../demo/scenario.js";
import { type AppChild, startAppChild } from "./app-child.js";
import { percentile, round } from "./timing.js";

/**
 * What an on-call engineer waits for: the time until the app has answered the webhook
 * of a `/note` on a long incident (200 notes), with every request of the app taking
 * as long as the simulator's latency model says (`BENCH_LATENCY`: 150 ms a request plus
 * 1 ms per KiB of GraphQL answer beyond 32 KiB, seeded jitter), against a bare Probot
 * app that answers each comment with one comment, under the same model in the same
 * run, interleaved. Both apps run in processes of their own, so `cpuMsPerEvent` is the
 * app's CPU alone (per `/note`, the follow-up webhooks of its own writes included).
 * Also, without latency: the requests each single-issue command makes on that incident.
 */
type Stats = { p50: number; p95: number };

export interface LatencyResults {
  ours: Stats;
  bare: Stats;
  ratio: number;
  cpuMsPerEvent: number;
  samples: number;
  timelineEntries: number;
  /** The size of each GraphQL answer of a sampled `/note` (KiB, median over the samples), by operation. */
  answerKib: Record<string, number>;
  /** The full read's answer on the same incident (what the read and the write's verify each returned before the checkpoint). */
  fullReadKib: number;
  /** The timeline comment's length on the long incident, and the declaration's with its checkpoint (characters). */
  timelineComment: { chars: number };
  declarationComment: { chars: number; checkpointChars: number };
  /** Requests per command on the long incident (no latency), each command's own delivery. */
  longIncidentRequests: Record<string, number>;
}

const TIMELINE_ENTRIES = 200;

/** The single-issue commands of the issue's target list, as they are typed on the long incident. */
export const LONG_INCIDENT_COMMANDS: Array<[string, string]> = [
  ["/note", "/note one more"],
  ["/ack", "/ack"],
  ["/ic", "/ic @bob"],
  ["/lead", "/lead @dave"],
  ["/severity", "/severity SEV-1 wider impact"],
  ["/status", "/status identified"],
  ["/mitigated", "/mitigated error rate back to normal"],
  ["/update", "/update Rolling back now."],
  ["/escalate", "/escalate"],
  ["/comms draft", "/comms draft"],
  ["/help", "/help"],
  ["/timeline", "/timeline"],
];

export async function measureLatency(samples = 20): Promise<LatencyResults> {
  const sim = await startSimulator({
    clock: createRealClock(),
    appSlug: "incident-bot",
    webhookSecret: WEBHOOK_SECRET,
  });
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  const settings = { githubUrl: sim.url, privateKey, secret: WEBHOOK_SECRET };
  let ours: AppChild | null = null;
  let bare: AppChild | null = null;
  try {
    [ours, bare] = await Promise.all([startAppChild(settings), startAppChild({ ...settings, bare: true })]);
    seedDemoRepo(sim);
    sim.setWebhookTarget(ours.webhookUrl);
    await sim.installApp(OWNER, [REPO]);
    const number = sim.fileIssueForm(
      PEOPLE.alice,
      { owner: OWNER, name: REPO },
      { ...FORM, labels: ["incident"] },
    );
    await sim.settle();
    const bob = sim.as(PEOPLE.bob);
    const carol = sim.as(PEOPLE.carol);
    for (let i = 0; i < TIMELINE_ENTRIES; i++) await commentOn(sim, bob, number, `/note entry ${i}`);
    const longIncidentRequests: Record<string, number> = {};
    // A second long incident for the commands, so the samples below all see the same one.
    const other = sim.fileIssueForm(
      PEOPLE.alice,
      { owner: OWNER, name: REPO },
      { ...FORM, labels: ["incident"] },
    );
    await sim.settle();
    for (let i = 0; i < TIMELINE_ENTRIES; i++) await commentOn(sim, bob, other, `/note entry ${i}`);
    for (const [label, body] of LONG_INCIDENT_COMMANDS) {
      const delivery = await commentOn(sim, bob, other, body);
      longIncidentRequests[label] = sim
        .appRequests()
        .filter((entry) => entry.delivery === delivery.id).length;
    }
    sim.setLatency(BENCH_LATENCY);
    const times = { ours: [] as number[], bare: [] as number[] };
    let cpuMicros = 0;
    const sizes: Record<string, number[]> = {};
    for (let i = -2; i < samples; i++) {
      sim.setWebhookTarget(ours.webhookUrl);
      // Not `memory()`: the full garbage collection it forces would count as the app's CPU.
      const before = await ours.cpu();
      const mine = await commentOn(sim, bob, number, `/note sample ${i}`);
      const after = await ours.cpu();
      sim.setWebhookTarget(bare.webhookUrl);
      const base = await commentOn(sim, carol, number, `plain comment ${i}`);
      if (i < 0) continue;
      cpuMicros += after.user - before.user + after.system - before.system;
      const made = new Map<string, number>();
      for (const entry of sim.appRequests().filter((e) => e.delivery === mine.id && e.graphql)) {
        // A second request of the same name: the full read after a checkpoint that did not serve.
        const nth = (made.get(`${entry.graphql}`) ?? 0) + 1;
        made.set(`${entry.graphql}`, nth);
        const key = nth > 1 ? `${entry.graphql} #${nth}` : `${entry.graphql}`;
        sizes[key] = [...(sizes[key] ?? []), round((entry.bytes ?? 0) / 1024, 1)];
      }
      times.ours.push(mine.durationMs ?? Number.NaN);
      times.bare.push(base.durationMs ?? Number.NaN);
    }
    const stats = (values: number[]): Stats => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
    const oursStats = stats(times.ours);
    const { data: comments } = await bob.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: number,
      per_page: 10,
    });
    const bodyWith = (mark: string) => comments.find((c) => c.body?.includes(mark))?.body ?? "";
    const timeline = bodyWith("<!-- incident-app:timeline");
    const declaration = bodyWith("<!-- incident-app:declaration");
    const checkpointAt = declaration.indexOf("<!-- incident-checkpoint");
    const bot = await botOctokit(sim);
    const variables = historyVariables(ConfigSchema.parse({}), new Date(), {
      withRecent: false,
      id: "INC-00000000-000",
    });
    const full = await bot.graphql(INCIDENT_HISTORY_QUERY, {
      owner: OWNER,
      repo: REPO,
      number,
      ...variables,
    });
    const fullReadKib = round(Buffer.byteLength(JSON.stringify({ data: full })) / 1024, 1);
    const bareStats = stats(times.bare);
    return {
      ours: oursStats,
      bare: bareStats,
      ratio: round(oursStats.p50 / bareStats.p50, 2),
      cpuMsPerEvent: round(cpuMicros / 1000 / samples, 1),
      samples,
      timelineEntries: TIMELINE_ENTRIES,
      fullReadKib,
      answerKib: Object.fromEntries(Object.entries(sizes).map(([name, kib]) => [name, percentile(kib, 50)])),
      timelineComment: { chars: timeline.length },
      declarationComment: {
        chars: declaration.length,
        checkpointChars: checkpointAt === -1 ? 0 : declaration.length - checkpointAt,
      },
      longIncidentRequests,
    };
  } finally {
    sim.setLatency(null);
    await ours?.close();
    await bare?.close();
    await sim.close();
  }
}

/** Comments as a person and returns the comment's delivery once everything it caused is answered. */
async function commentOn(sim: Simulator, person: Octokit, number: number, body: string): Promise<Delivery> {
  const { data } = await person.rest.issues.createComment({
    owner: OWNER,
    repo: REPO,
    issue_number: number,
    body,
  });
  await sim.settle();
  const delivery = sim.deliveries.find(
    (d) =>
      d.event === "issue_comment" &&
      d.action === "created" &&
      (d.payload.comment as { id?: number } | undefined)?.id === data.id,
  );
  if (!delivery) throw new Error(`bench: no delivery for comment ${body}`);
  if (delivery.status !== 200) throw new Error(`bench: ${body} answered ${delivery.status}`);
  return delivery;
}
