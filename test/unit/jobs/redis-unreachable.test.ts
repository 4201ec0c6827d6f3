import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { redisAnswers, startSweepQueue } from "../../../src/jobs/start-sweep-queue.js";
import { freePort } from "../../support/server-process.js";

/**
 * Redis unreachable at start (issue 19): said in the log and in the health check; the
 * replica sweeps in its own process only when QUEUE_FALLBACK=in-process says so.
 */
/** All the queue asks of Probot before it sweeps: its log. */
function fakeProbot(lines: string[]): Probot {
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level}: ${args.map(String).join(" ")}`);
  const log = { error: at("error"), warn: at("warn"), info: at("info"), debug: () => {} };
  return { log: { ...log, child: () => log } } as unknown as Probot;
}

const base = { intervalMs: null, concurrency: 2, perInstallation: 1, leaseMs: 5_000 };

describe("Redis unreachable at start", () => {
  it("is found out in a moment", async () => {
    expect(await redisAnswers(`redis://127.0.0.1:${await freePort()}`, 500)).toBe(false);
  });

  it("with QUEUE_FALLBACK=in-process: sweeps in process, says so, and reports degraded", async () => {
    const lines: string[] = [];
    const queue = await startSweepQueue(fakeProbot(lines), {
      ...base,
      redisUrl: `redis://127.0.0.1:${await freePort()}`,
      fallback: "in-process",
    });
    try {
      expect(await queue.health()).toMatchObject({ mode: "in-process", connected: false });
      expect(lines.join("\n")).toMatch(/^warn: .*does not answer; sweeping in this process alone/m);
    } finally {
      await queue.stop();
    }
  });
});
