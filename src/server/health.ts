import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { packageRoot } from "../render/package-root.js";

/**
 * `GET /healthz` → 200 `{ "status": "ok", "version": "0.1.0", "uptime": 42 }` for
 * load balancers and the container's HEALTHCHECK. It says nothing about credentials
 * or configuration, and needs no request to GitHub.
 */
export const HEALTH_PATH = "/healthz";

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

export function healthHandler(options: { version: string; startedAt: number; now: () => number }) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== HEALTH_PATH || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const body = JSON.stringify({
      status: "ok",
      version: options.version,
      uptime: Math.max(0, Math.round((options.now() - options.startedAt) / 1000)),
    });
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
