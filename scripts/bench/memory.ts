import { generateKeyPairSync } from "node:crypto";
import { createRealClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import type { Octokit } from "@octokit/rest";
import { idFromTitle } from "../../src/kernel/incident-id.js";
import { pirBranch } from "../../src/kernel/names.js";
import { WEBHOOK_SECRET } from "../../test/support/harness.js";
import { OWNER, PEOPLE, REPO, seedDemoRepo } from "../demo/scenario.js";
import { startAppChild } from "./app-child.js";
import { round } from "./timing.js";

/**
 * The app's resident memory while it handles 10,000 webhooks, in its own process
 * (scripts/bench/app-child.ts) so the simulator's memory is not counted. Four
 * incidents at a time go through a realistic life: filed from the form, people
 * talking (most comments are not commands), commands, an edit, a label, resolved,
 * and the review's pull request merged; their comments arrive at the same moment
 * (concurrent deliveries), and the app's own writes echo back as webhooks too.
 * RSS is sampled (after a full GC in the child) every 500 webhooks.
 */
export interface MemoryUse {
  webhooks: number;
  after10k: number;
  growthLast5k: number;
  /** Least-squares slope of RSS over the last 5,000 webhooks, MB per 1,000. */
  slopeLast5kMbPer1k: number;
  heapMbAfter: number;
  /** RSS of the started app before any webhook. */
  baselineMb: number;
  incidents: number;
  concurrency: number;
  /** CPU time the app spent per webhook, on average (ms). */
  appCpuMsPerWebhook: number;
  samples: Array<{
    webhooks: number;
    rssMb: number;
    heapMb: number;
    heapTotalMb: number;
    externalMb: number;
  }>;
  seconds: number;
}

const LANES = Number(process.env.LANES ?? 4);
const SAMPLE_EVERY = 500;

type Action = (sim: Simulator, number: number) => Promise<unknown>;

/** One Octokit per person for the whole run (making one per action costs more than the action). */
const people = new WeakMap<Simulator, Map<string, Octokit>>();
function as(sim: Simulator, login: string): Octokit {
  const known = people.get(sim) ?? new Map<string, Octokit>();
  people.set(sim, known);
  let person = known.get(login);
  if (!person) {
    person = sim.as(login);
    known.set(login, person);
  }
  return person;
}

const comment =
  (who: string, body: string): Action =>
  (sim, number) =>
    as(sim, who).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });

const talk = (who: string, ...lines: string[]): Action[] => lines.map((line) => comment(who, line));

/** Someone edits their first comment on the incident (a plain edit: no command). */
const editFirstComment =
  (who: string): Action =>
  async (sim, number) => {
    const person = as(sim, who);
    const where = { owner: OWNER, repo: REPO, issue_number: number, per_page: 100 };
    const { data } = await person.rest.issues.listComments(where);
    const mine = data.find((c) => c.user?.login === who);
    if (!mine) return;
    await person.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: mine.id,
      body: `${mine.body ?? ""} (edited: since 14:20)`,
    });
  };

/** The review's pull request the app opened on `/resolve` is merged, as it would be days later. */
const mergeReview: Action = async (sim, number) => {
  const person = as(sim, PEOPLE.dave);
  const { data: issue } = await person.rest.issues.get({ owner: OWNER, repo: REPO, issue_number: number });
  const id = idFromTitle(issue.title);
  if (!id) return;
  const { data: pulls } = await person.rest.pulls.list({
    owner: OWNER,
    repo: REPO,
    state: "open",
    per_page: 100,
  });
  const review = pulls.find((pull) => pull.head.ref === pirBranch(id));
  if (review) await person.rest.pulls.merge({ owner: OWNER, repo: REPO, pull_number: review.number });
};

/** An incident's life after it is filed: mostly people talking, commands, an edit, a label, resolved. */
export const LIFE: Action[] = [
  ...talk(PEOPLE.bob, "Looking into it, checking the dashboards.", "/ack"),
  ...talk(
    PEOPLE.carol,
    "Seeing errors in the search logs since a few minutes ago.",
    "Support has 3 tickets.",
  ),
  ...talk(PEOPLE.dave, "Customers are reporting it too.", "It started right after the 14:10 deploy."),
  ...talk(PEOPLE.bob, "/note error rate at 12%", "Can someone check the search cluster health?"),
  ...talk(PEOPLE.dave, "Cluster is green, it is the query service.", "Heap looks fine."),
  comment(PEOPLE.bob, "/status identified"),
  editFirstComment(PEOPLE.carol),
  ...talk(PEOPLE.carol, "Posting an update on the status channel.", "Shall we roll back?"),
  ...talk(PEOPLE.bob, "Yes, roll back.", "/update Rolling back the last deploy."),
  ...talk(PEOPLE.dave, "Rolling back now.", "/note rollback started"),
  (sim, number) =>
    as(sim, PEOPLE.bob).rest.issues.addLabels({
      owner: OWNER,
      repo: REPO,
      issue_number: number,
      labels: ["customer-facing"],
    }),
  ...talk(PEOPLE.dave, "Rollback is at 50%.", "Rollback is at 90%."),
  ...talk(PEOPLE.bob, "/severity SEV-2 more users affected", "/note rollback done"),
  ...talk(PEOPLE.carol, "Error rate is dropping.", "Support confirms searches work again."),
  ...talk(PEOPLE.bob, "/mitigated error rate back to normal", "Let's watch it for a bit."),
  ...talk(PEOPLE.dave, "All quiet.", "Thanks all."),
  comment(PEOPLE.bob, "/resolve fixed by the rollback"),
  mergeReview,
];

export async function measureMemory(target = 10_000, options: { bare?: boolean } = {}): Promise<MemoryUse> {
  const started = performance.now();
  const sim = await startSimulator({
    clock: createRealClock(),
    appSlug: "incident-bot",
    webhookSecret: WEBHOOK_SECRET,
  });
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  const app = await startAppChild({
    githubUrl: sim.url,
    privateKey,
    secret: WEBHOOK_SECRET,
    bare: options.bare ?? false,
  });
  try {
    seedDemoRepo(sim);
    sim.setWebhookTarget(app.webhookUrl);
    await sim.installApp(OWNER, [REPO]);
    sim.deliveryMode = "concurrent";
    const mb = (bytes: number) => round(bytes / 2 ** 20);
    const baselineMb = mb((await app.memory()).rss);
    const samples: MemoryUse["samples"] = [];
    let delivered = 0;
    let incidents = 0;
    let nextSample = SAMPLE_EVERY;
    const lanes = Array.from({ length: LANES }, () => ({ number: 0, step: LIFE.length }));
    while (delivered < target) {
      await Promise.all(
        lanes.map(async (lane, index) => {
          if (lane.step >= LIFE.length) {
            lane.number = sim.fileIssueForm(
              PEOPLE.alice,
              { owner: OWNER, name: REPO },
              {
                title: `Search errors ${incidents + index}`,
                body: "### Severity\n\nSEV-3\n\n### What is broken / user impact\n\nSlow search\n\n### Affected services\n\nsearch",
                labels: ["incident"],
              },
            );
            lane.step = 0;
            return;
          }
          await (LIFE[lane.step] as Action)(sim, lane.number);
          lane.step++;
        }),
      );
      incidents += lanes.filter((lane) => lane.step === 0).length;
      await sim.settle();
      // Count what reached the app, then let the simulator forget it (its memory is not measured).
      delivered += sim.deliveries.filter((d) => d.status !== null).length;
      sim.deliveries.length = 0;
      sim.log.length = 0;
      if (delivered >= nextSample || delivered >= target) {
        const usage = await app.memory();
        samples.push({
          webhooks: delivered,
          rssMb: mb(usage.rss),
          heapMb: mb(usage.heapUsed),
          heapTotalMb: mb(usage.heapTotal),
          externalMb: mb(usage.external),
        });
        nextSample += SAMPLE_EVERY;
      }
    }
    const cpu = (await app.memory()).cpu;
    const last = samples.at(-1) ?? {
      webhooks: 0,
      rssMb: baselineMb,
      heapMb: 0,
      heapTotalMb: 0,
      externalMb: 0,
    };
    const half = samples.find((s) => s.webhooks >= delivered / 2) ?? last;
    const tail = samples.filter((s) => s.webhooks >= delivered / 2);
    return {
      webhooks: delivered,
      after10k: last.rssMb,
      growthLast5k: round(last.rssMb - half.rssMb),
      slopeLast5kMbPer1k: round(slope(tail) * 1000, 2),
      heapMbAfter: last.heapMb,
      baselineMb,
      incidents,
      concurrency: LANES,
      appCpuMsPerWebhook: round((cpu.user + cpu.system) / 1000 / Math.max(1, delivered), 2),
      samples,
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await app.close();
    await sim.close();
  }
}

function slope(points: Array<{ webhooks: number; rssMb: number }>): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((sum, p) => sum + p.webhooks, 0) / n;
  const my = points.reduce((sum, p) => sum + p.rssMb, 0) / n;
  const sxy = points.reduce((sum, p) => sum + (p.webhooks - mx) * (p.rssMb - my), 0);
  const sxx = points.reduce((sum, p) => sum + (p.webhooks - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}
