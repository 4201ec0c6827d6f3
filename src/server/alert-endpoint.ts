import type { IncomingMessage, ServerResponse } from "node:http";
import { type AlertSource, isAlertSource } from "../features/alerts/alert.js";
import type { AlertAnswer, AlertRequest } from "../pipelines/receive-alerts.js";

/**
 * `POST /alerts/<source>` (alertmanager, grafana, generic): JSON only, at most
 * `ALERT_BODY_LIMIT` bytes (413 beyond, without reading the rest), then the alert
 * pipeline answers. Anything else under `/alerts/` is a 404 or 405 that says why.
 */
export const ALERT_PATH = /^\/alerts\/([a-z]+)\/?$/;
export const ALERT_BODY_LIMIT = 1024 * 1024;

export function alertEndpoint(
  receive: (request: AlertRequest) => Promise<AlertAnswer>,
  limit = ALERT_BODY_LIMIT,
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const match = ALERT_PATH.exec(path);
    if (!match) return false;
    const source = match[1] ?? "";
    if (!isAlertSource(source)) {
      answer(res, {
        status: 404,
        body: { error: `unknown alert source ${source}: alertmanager, grafana or generic` },
      });
      return true;
    }
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      answer(res, { status: 405, body: { error: "alerts are sent with POST" } });
      return true;
    }
    const type = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    if (type !== "application/json") {
      answer(res, { status: 415, body: { error: "expected Content-Type: application/json" } });
      return true;
    }
    const body = await readLimited(req, limit);
    if (body === null) {
      answer(res, { status: 413, body: { error: `the body is larger than ${limit} bytes` } });
      return true;
    }
    answer(res, await receive({ source: source as AlertSource, body, headers: req.headers }));
    return true;
  };
}

export function answer(res: ServerResponse, reply: AlertAnswer): void {
  const retryAfter = reply.body.retryAfter;
  res.writeHead(reply.status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    // A deferred alert (the content budget spent): when to send it again.
    ...(typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {}),
  });
  res.end(JSON.stringify(reply.body));
}

/** The body, or null as soon as it is over the limit (the rest is not read). */
export async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limit) {
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) {
      req.resume();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
