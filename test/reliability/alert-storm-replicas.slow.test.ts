import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALERTS_YAML, fixture, GENERIC_TOKEN } from "../e2e/alerts-harness.js";
import { contentWindows } from "../support/content-created.js";
import { type LoadBalancer, startLoadBalancer } from "./support/load-balancer.js";
import { type RedisServer, redisServerPath, startRedisServer } from "./support/redis-server.js";

/**
 * The alerts' content budget across replicas (§14): two replica processes share only
 * a real redis-server. An alert storm in two repositories of one account, sent to
 * both replicas at once: each repository alone would stay within its incidents a
 * minute, but together they would pass GitHub's limit; the budget in Redis holds the
 * account's total to `storm.contentPerMinute`. Skipped where no redis-server is installed.
 */
const NOW = "2026-02-03T14:24:00Z";
const SECRET = "storm-replicas-webhook-secret";
const PER_MINUTE = 50;
const CONFIG = `${ALERTS_YAML.replace(
  "  defaultRepository: acme/search\n",
  "    - match: { service: api }\n      repository: acme/api\n  defaultRepository: acme/search\n",
)}  storm: { contentPerMinute: ${PER_MINUTE} }\n`;

const clockFile = join(mkdtempSync(join(tmpdir(), "storm-clock-")), "now");
const clock = createClock(new Date(NOW));
/** The simulator's clock and the replicas' (they read the file) move together. */
function setTime(at: Date): void {
  clock.set(at);
  writeFileSync(clockFile, at.toISOString());
}

const replicaScript = new URL("./support/storm-replica-process.ts", import.meta.url).pathname;

interface ReplicaProcess {
  child: ChildProcess;
  url: string;
  output(): string;
}

function startReplica(env: NodeJS.ProcessEnv): Promise<ReplicaProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", replicaScript], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`replica did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, output: () => output });
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) => reject(new Error(`replica exited with ${code}:\n${output}`)));
  });
}

const available = redisServerPath() !== null;
let redis: RedisServer;
let sim: Simulator;
let balancer: LoadBalancer;
const replicas: ReplicaProcess[] = [];

beforeAll(async () => {
  if (!available) return;
  redis = await startRedisServer();
  setTime(new Date(NOW));
  sim = await startSimulator({
    clock,
    appSlug: "incident-bot",
    webhookSecret: SECRET,
  });
  sim.createOrg("acme", ["alice", "bob"]);
  sim.createRepo({ owner: "acme", name: "search", files: { ".github/incident.yml": CONFIG } });
  sim.createRepo({ owner: "acme", name: "api", files: { ".github/incident.yml": CONFIG } });
  await sim.installApp("acme", ["search", "api"]);
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  for (let i = 0; i < 2; i++)
    replicas.push(
      await startReplica({
        STORM_REDIS_PORT: String(redis.port),
        STORM_PRIVATE_KEY: privateKey,
        STORM_WEBHOOK_SECRET: SECRET,
        STORM_API_URL: sim.url,
        STORM_CLOCK_FILE: clockFile,
        ALERTS_REPOSITORY: "acme/search",
        GENERIC_TOKEN,
      }),
    );
  balancer = await startLoadBalancer(replicas.map((replica) => `${replica.url}/api/github/webhooks`));
  sim.setWebhookTarget(balancer.url);
}, 120_000);

afterAll(async () => {
  for (const { child } of replicas) child.kill("SIGTERM");
  await balancer?.close();
  await sim?.close();
  await redis?.stop();
});

describe.skipIf(!available)("an alert storm across two replica processes sharing Redis", () => {
  it("keeps the account's content-creating requests within the budget together; deferred alerts are handled when sent again", async () => {
    const base = fixture("generic.firing");
    const send = async (index: number) => {
      const service = index % 2 === 0 ? "search" : "api";
      const replica = replicas[Math.floor(index / 2) % 2] as ReplicaProcess;
      const response = await fetch(`${replica.url}/alerts/generic`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${GENERIC_TOKEN}` },
        body: JSON.stringify({
          ...base,
          service,
          fingerprint: `${service}-${index}`,
          title: `${service} shard ${index}`,
        }),
      });
      const text = await response.text();
      let body: { alerts: Array<{ kind: string }>; retryAfter?: number };
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`replica answered ${response.status}: ${text}\n${replica.output().slice(-3000)}`);
      }
      return { status: response.status, body };
    };
    const start = sim.appRequests().length;
    type Answered = Awaited<ReturnType<typeof send>>;
    const final = new Map<number, Answered>();
    // 160 new fingerprints, 80 per repository, in waves of 20 split over both replicas.
    let pending = Array.from({ length: 160 }, (_, index) => index);
    const rounds: string[] = [];
    for (let round = 0; pending.length > 0 && round < 5; round++) {
      const retryAfter: number[] = [];
      const deferred: number[] = [];
      for (let from = 0; from < pending.length; from += 20) {
        const wave = pending.slice(from, from + 20);
        const answers = await Promise.all(wave.map(send));
        answers.forEach((answer, i) => {
          const index = wave[i] as number;
          final.set(index, answer);
          if (answer.status === 503) {
            deferred.push(index);
            retryAfter.push(answer.body.retryAfter ?? 60);
          }
        });
      }
      await sim.settle();
      rounds.push(
        `${clock.now().toISOString().slice(11, 19)} sent ${pending.length}, deferred ${deferred.length}`,
      );
      // As Alertmanager does with a 503: send the deferred ones again, after Retry-After.
      if (deferred.length) setTime(new Date(clock.now().getTime() + Math.max(...retryAfter) * 1000));
      pending = deferred;
    }
    const answers = [...final.values()];
    const made = sim.appRequests().slice(start);
    const windows = contentWindows(made);
    const client = new Redis({ host: redis.host, port: redis.port, lazyConnect: true });
    await client.connect();
    const ledger = await client.zcard("incident-app:alert-content:acme");
    client.disconnect();
    const kinds = new Map<string, number>();
    for (const answer of answers)
      for (const one of answer.body.alerts) kinds.set(one.kind, (kinds.get(one.kind) ?? 0) + 1);
    console.log(
      `2 replica processes, 160 new fingerprints in 2 repositories at once: ${made.length} requests, ` +
        `${windows.total} content-creating (budget ${PER_MINUTE} a minute for the account; GitHub about 80), ` +
        `the Redis ledger holds ${ledger}; answers ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(", ")}; ` +
        `webhooks served ${balancer.served.join("/")}; rounds: ${rounds.join("; ")}; ` +
        `per minute ${windows.perMinute.map((one) => `${one.minute} ${one.count}`).join(", ")}`,
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(pending).toEqual([]);
    expect(windows.maxAny60s).toBeLessThanOrEqual(PER_MINUTE);
    expect(ledger).toBe(windows.total);
    expect(balancer.served.every((count) => count > 0)).toBe(true);
    // Each repository grouped the rest into one storm incident: none dropped.
    expect((kinds.get("counted") ?? 0) + (kinds.get("storm") ?? 0) + (kinds.get("declared") ?? 0)).toBe(160);
  });
});
