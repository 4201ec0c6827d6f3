import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 (a free port) that records every request and
 * answers through a handler. Faults queued with `failNext` answer first, so tests can
 * throttle or break the service for N requests.
 */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The parsed JSON body; undefined when empty or not JSON (see `jsonError`). */
  body: unknown;
  jsonError: string | null;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Answer the next `times` requests with this status (and body/headers) instead. */
  failNext(times: number, answer: Answer): void;
  close(): Promise<void>;
}

export async function startReceiver(handle: (request: ReceivedRequest) => Answer): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const faults: Answer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      let body: unknown;
      let jsonError: string | null = null;
      if (raw !== "") {
        try {
          body = JSON.parse(raw) as unknown;
        } catch (error) {
          jsonError = error instanceof Error ? error.message : String(error);
        }
      }
      const request = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        raw,
        body,
        jsonError,
      };
      requests.push(request);
      const answer = faults.shift() ?? handle(request);
      const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(times, answer) {
      for (let i = 0; i < times; i++) faults.push(answer);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `application/json`, optionally with parameters such as `; charset=utf-8`. */
export function isJson(headers: IncomingHttpHeaders): boolean {
  return /^application\/json\s*(;|$)/i.test(headers["content-type"] ?? "");
}
