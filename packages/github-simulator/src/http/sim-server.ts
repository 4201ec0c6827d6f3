import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isoSeconds } from "../clock.js";
import { graphqlOperationName } from "../faults/graphql-operation-name.js";
import type { RequestFaultKind, RequestFaults } from "../faults/request-faults.js";
import { handleGraphql } from "../graphql/graphql-api.js";
import type { Latency } from "../latency/latency-model.js";
import { handleRest } from "../rest/rest-api.js";
import type { SimContext } from "../sim-context.js";
import type { DeliveryQueue } from "../webhooks/delivery-queue.js";
import { authenticate } from "./authenticate.js";

export interface RequestLogEntry {
  at: string;
  delivery: string | null;
  event: string | null;
  actor: string;
  method: string;
  path: string;
  graphql: string | null;
  body: unknown;
  status: number;
  /** Beyond the brief: how it authenticated, the REST operation id, the query string. */
  auth: "app" | "installation" | "user" | "none";
  operation: string | null;
  query: string;
  /** A fault injected into this request (see `faults/`), else null. */
  fault: RequestFaultKind | null;
  /** The answer's size in bytes (what the latency model weighs), once answered. */
  bytes?: number;
}

interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

const GRAPHQL_PATHS = new Set(["/graphql", "/api/graphql"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The answer's body as sent, so the latency model can weigh it before it goes. */
function serialise(reply: Reply): string | null {
  if (reply.status === 204 || reply.status === 304) return null;
  if (reply.body === undefined && reply.text === undefined) return null;
  return reply.text ?? JSON.stringify(reply.body);
}

/**
 * What GitHub adds to a REST answer: `location` on a create (the new resource's API
 * URL), and on a successful GET an `etag` (and `last-modified` when the resource has
 * an `updated_at`) so a client can ask again with `If-None-Match` and get a 304.
 */
function withCacheHeaders(method: string, req: IncomingMessage, reply: Reply, payload: string | null): Reply {
  const body = reply.body as { url?: unknown; updated_at?: unknown } | undefined;
  if (reply.status === 201 && typeof body?.url === "string" && !reply.headers?.location) {
    return { ...reply, headers: { ...reply.headers, location: body.url } };
  }
  if (method !== "GET" || reply.status !== 200 || payload === null) return reply;
  const etag = `W/"${createHash("sha256").update(payload).digest("hex").slice(0, 32)}"`;
  const headers: Record<string, string> = { ...reply.headers, etag };
  if (typeof body?.updated_at === "string")
    headers["last-modified"] = new Date(body.updated_at).toUTCString();
  if (req.headers["if-none-match"] === etag) return { status: 304, headers };
  return { ...reply, headers };
}

function send(res: ServerResponse, reply: Reply, payload: string | null, used: number): void {
  const headers: Record<string, string> = {
    "x-github-request-id": `SIM:${Math.random().toString(16).slice(2, 10).toUpperCase()}`,
    "x-github-media-type": "github.v3; format=json",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": String(5000 - used),
    "x-ratelimit-used": String(used),
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-resource": "core",
    ...reply.headers,
  };
  if (payload === null) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const type = reply.text !== undefined ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
  res.writeHead(reply.status, { "content-type": type, ...headers }).end(payload);
}

/** The HTTP face of the simulator: authenticates, logs, and hands REST and GraphQL requests on. */
export class SimServer {
  readonly log: RequestLogEntry[] = [];
  /** Injected API faults; null answers every request normally. */
  faults: RequestFaults | null = null;
  /** GitHub's answer times (see `latency/`); null answers at once. */
  latency: Latency | null = null;
  /**
   * `x-ratelimit-used`: requests answered in the current "hour", counted for everyone
   * alike and wrapped at 1,000, so the quota never runs out here (the `primary-limit` fault spends it).
   */
  private used = 0;
  private readonly server: Server;

  constructor(
    private readonly ctx: SimContext,
    private readonly queue: DeliveryQueue,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => res.destroy());
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.ctx.apiUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const raw = await readBody(req);
    const delivery = this.queue.current();
    const caller = authenticate(this.ctx, req.headers.authorization);
    const entry: RequestLogEntry = {
      at: isoSeconds(this.ctx.store.clock.now()),
      delivery: delivery?.id ?? null,
      event: delivery ? (delivery.action ? `${delivery.event}.${delivery.action}` : delivery.event) : null,
      actor: caller?.login ?? "anonymous",
      method,
      path: url.pathname,
      graphql: null,
      body: null,
      status: 0,
      auth: caller?.kind ?? "none",
      operation: null,
      query: url.search,
      fault: null,
    };
    this.log.push(entry);
    const fault = this.faults?.decide(entry) ?? null;
    entry.fault = fault?.kind ?? null;
    if (fault?.when === "delay") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    let reply: Reply;
    try {
      if (fault?.when === "instead") {
        entry.graphql = graphqlOperationName(url.pathname, raw);
        reply = fault.reply;
      } else {
        reply = await this.route(entry, caller, method, url, raw, req);
        // The request took effect; the answer is lost on the way back.
        if (fault?.when === "after") reply = fault.reply;
      }
    } catch (error) {
      // A simulator bug, not a GitHub answer: say so loudly.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      reply = { status: 500, body: { message: `simulator: ${message}` } };
    }
    let payload = serialise(reply);
    if (!GRAPHQL_PATHS.has(url.pathname)) {
      reply = withCacheHeaders(method, req, reply, payload);
      if (reply.status === 304) payload = null;
    }
    entry.status = reply.status;
    entry.bytes = payload === null ? 0 : Buffer.byteLength(payload);
    this.used = (this.used % 1000) + 1;
    const wait = this.latency?.delayFor(
      { ...entry, graphql: GRAPHQL_PATHS.has(url.pathname) },
      payload === null ? 0 : Buffer.byteLength(payload),
    );
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    send(res, reply, payload, this.used);
  }

  private route(
    entry: RequestLogEntry,
    caller: ReturnType<typeof authenticate>,
    method: string,
    url: URL,
    raw: string,
    req: IncomingMessage,
  ): Reply | Promise<Reply> {
    let body: unknown;
    if (raw.trim() !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        return {
          status: 400,
          body: { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/rest" },
        };
      }
    }
    entry.body = body ?? null;
    if (!caller) {
      return {
        status: 401,
        body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
      };
    }
    if (method === "POST" && GRAPHQL_PATHS.has(url.pathname)) {
      if (caller.kind === "app") {
        return { status: 401, body: { message: "A JSON web token could not be used for GraphQL" } };
      }
      return handleGraphql(this.ctx, caller.login, body).then((result) => {
        entry.graphql = result.operationName;
        return { status: result.status, body: result.body };
      });
    }
    const result = handleRest({ ctx: this.ctx, caller, method, url, headers: req.headers, body });
    entry.operation = result.operationId;
    return result;
  }
}
