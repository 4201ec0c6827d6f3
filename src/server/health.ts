import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import type { QueueHealth } from "../jobs/queue-health.js";
import { packageRoot } from "../render/package-root.js";

/**
 * `GET /healthz` → 200 `{ "status": "ok", "version": "0.1.0", "uptime": 42 }` for
 * load balancers and the container's HEALTHCHECK. It says nothing about credentials
 * or configuration, and needs no request to GitHub. With a sweep queue it adds the
 * queue's counts (`"queue": { "mode": "redis", "connected": true, "waiting": 0, … }`);
 * Redis not answering makes the status `degraded` (still 200: webhooks are served).
 */
export const HEALTH_PATH = "/healthz";

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

export interface HealthOptions {
  version: string;
  startedAt: number;
  now: () => number;
  queue?: () => Promise<QueueHealth>;
}

export function healthHandler(options: HealthOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== HEALTH_PATH || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const uptime = Math.max(0, Math.round((options.now() - options.startedAt) / 1000));
    const answer = (queue: QueueHealth | null) => {
      const status = queue && !queue.connected ? "degraded" : "ok";
      const body = JSON.stringify({ status, version: options.version, uptime, ...(queue ? { queue } : {}) });
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (!options.queue) answer(null);
    else
      options.queue().then(answer, () =>
        answer({
          mode: "redis",
          connected: false,
          waiting: 0,
          active: 0,
          delayed: 0,
          failed: 0,
          completed: 0,
        }),
      );
    return true;
  };
}
