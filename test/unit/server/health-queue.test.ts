import { describe, expect, it } from "vitest";
import type { QueueHealth } from "../../../src/jobs/queue-health.js";
import { healthHandler } from "../../../src/server/health.js";

/** `GET /healthz` with the sweep's queue: its counts, and `degraded` while Redis does not answer. */
async function answer(queue: QueueHealth): Promise<{ status?: number; body?: string }> {
  const sent: { status?: number; body?: string } = {};
  await new Promise<void>((resolve) => {
    const res = {
      writeHead(status: number) {
        sent.status = status;
        return res;
      },
      end(body?: string) {
        sent.body = body;
        resolve();
      },
    };
    const handler = healthHandler({
      version: "1.2.3",
      startedAt: 0,
      now: () => 5_000,
      queue: async () => queue,
    });
    expect(handler({ method: "GET", url: "/healthz" } as never, res as never)).toBe(true);
  });
  return sent;
}

const counts = { waiting: 3, active: 2, delayed: 1, failed: 0, completed: 40 };

describe("GET /healthz with the sweep's queue", () => {
  it("adds the queue's counts", async () => {
    const sent = await answer({ mode: "redis", connected: true, ...counts });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body ?? "")).toEqual({
      status: "ok",
      version: "1.2.3",
      uptime: 5,
      queue: { mode: "redis", connected: true, ...counts },
    });
  });

  it("says degraded, still 200, while Redis does not answer: webhooks are still served", async () => {
    const sent = await answer({ mode: "redis", connected: false, ...counts });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body ?? "")).toMatchObject({ status: "degraded", queue: { connected: false } });
  });
});
