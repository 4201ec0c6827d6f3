import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for chat services' incoming webhooks (Slack, Teams, Discord, any JSON
 * receiver) on 127.0.0.1: every POST to `/hooks/<target>` is recorded with its JSON
 * body, so tests see exactly what each target was sent. Failures are configurable
 * per target: the next `times` requests get `status` (and `Retry-After`), or are held
 * for `delayMs` before the answer.
 */
export interface ChatRequest {
  target: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  /** What the receiver answered. */
  status: number;
}

interface Failure {
  status: number;
  times: number;
  retryAfter?: number;
}

export class ChatReceiver {
  private readonly log: ChatRequest[] = [];
  private readonly failures = new Map<string, Failure>();
  private readonly delays = new Map<string, number>();
  private base = "";

  constructor(private readonly server: Server) {}

  async listen(): Promise<this> {
    this.server.on("request", (req, res) => {
      void this.answer(req).then(({ status, headers }) =>
        res.writeHead(status, headers).end(status === 204 ? undefined : "ok"),
      );
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The incoming-webhook URL of a target. */
  url(target: string): string {
    return `${this.base}/hooks/${encodeURIComponent(target)}`;
  }

  /** Every request, failed ones included, in arrival order. */
  requests(target?: string): ChatRequest[] {
    return this.log.filter((request) => target === undefined || request.target === target);
  }

  /** Bodies of the requests that were accepted (2xx): what the chat would show. */
  received(target: string): unknown[] {
    return this.requests(target)
      .filter((request) => request.status < 300)
      .map((request) => request.body);
  }

  /** The next `times` requests to `target` are answered `status` (default: always). */
  fail(target: string, options: { status?: number; times?: number; retryAfter?: number } = {}): void {
    this.failures.set(target, {
      status: options.status ?? 500,
      times: options.times ?? Number.POSITIVE_INFINITY,
      ...(options.retryAfter === undefined ? {} : { retryAfter: options.retryAfter }),
    });
  }

  /** Answers to `target` wait this long (to exercise timeouts). */
  delay(target: string, ms: number): void {
    this.delays.set(target, ms);
  }

  recover(target: string): void {
    this.failures.delete(target);
    this.delays.delete(target);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string> }> {
    const text = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
    const match = /^\/hooks\/([^/?]+)/.exec(req.url ?? "");
    const target = match ? decodeURIComponent(match[1] as string) : "";
    const delay = this.delays.get(target);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    let status = !match ? 404 : req.method !== "POST" ? 405 : 200;
    const headers: Record<string, string> = { "content-type": "text/plain" };
    const failure = this.failures.get(target);
    if (status === 200 && failure && failure.times > 0) {
      failure.times -= 1;
      status = failure.status;
      if (failure.retryAfter !== undefined) headers["retry-after"] = String(failure.retryAfter);
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      status = status === 200 ? 400 : status;
    }
    this.log.push({
      target,
      method: req.method ?? "",
      headers: Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, String(value)])),
      body,
      status,
    });
    return { status, headers };
  }
}

export function startChatReceiver(): Promise<ChatReceiver> {
  return new ChatReceiver(createServer()).listen();
}
