import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createClock } from "../src/clock.js";
import { type Simulator, startSimulator } from "../src/simulator.js";

/** A webhook delivery as the receiving end saw it. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  payload: Record<string, unknown>;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A stand-in for the app's webhook endpoint; `respond` decides the status (default 200). */
export async function startReceiver(respond?: (r: Received) => number | Promise<number>): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const r: Received = {
        headers: req.headers,
        body,
        payload: JSON.parse(body) as Record<string, unknown>,
      };
      received.push(r);
      const status = respond ? await respond(r) : 200;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const START = new Date("2026-02-03T14:23:00.000Z");

/**
 * The usual world: org `acme` (owner `olivia`, member `alice`), repo `acme/svc` with
 * collaborators `carl` (write) and `rita` (read), a config file, the app installed.
 * Outsider `oscar` exists. Webhooks go to `receiver` when given.
 */
export async function seededSimulator(receiver?: Receiver): Promise<Simulator> {
  const sim = await startSimulator({ clock: createClock(START) });
  if (receiver) sim.setWebhookTarget(receiver.url);
  sim.createUser("oscar");
  sim.createOrg("acme", ["alice"], ["olivia"]);
  sim.createRepo({
    owner: "acme",
    name: "svc",
    collaborators: { carl: "write", rita: "read" },
    files: { ".github/incident.yml": "severities: [SEV1, SEV2]\n" },
  });
  sim.createRepo({ owner: "acme", name: ".github", files: { ".github/incident.yml": "org: true\n" } });
  await sim.installApp("acme", ["svc", ".github"]);
  return sim;
}

/** Raw HTTP against the simulator, for shapes Octokit would hide. */
export async function rawRequest(
  sim: Simulator,
  method: string,
  path: string,
  opts: { token?: string | null; body?: unknown; accept?: string } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { accept: opts.accept ?? "application/vnd.github+json" };
  const token = opts.token === undefined ? "sim_user_alice" : opts.token;
  if (token) headers.authorization = `token ${token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // plain text (raw file contents)
  }
  return { status: res.status, body, headers: res.headers };
}

/** The value at a dotted path (`"repository.issue.labels.nodes.0.name"`) of parsed JSON, or undefined. */
export function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split(".").filter(Boolean)) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (typeof current === "object" && current !== null)
      current = (current as Record<string, unknown>)[key];
    else return undefined;
  }
  return current;
}

/** The array at `path` (empty when absent). */
export function listAt(value: unknown, path: string): unknown[] {
  const found = at(value, path);
  return Array.isArray(found) ? found : [];
}

/** The string at `path` (empty when absent). */
export function textAt(value: unknown, path: string): string {
  const found = at(value, path);
  return typeof found === "string" ? found : "";
}
