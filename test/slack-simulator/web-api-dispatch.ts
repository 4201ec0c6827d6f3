import type { IncomingMessage, ServerResponse } from "node:http";
import { conversationMethods } from "./conversation-methods.js";
import { messageMethods } from "./message-methods.js";
import type { MethodArgs, MethodContext, MethodHandler, MethodResult } from "./method-context.js";
import { isKnownMethod, neededScope } from "./method-scopes.js";
import type { SimState } from "./sim-state.js";
import { userMethods } from "./user-methods.js";

/**
 * One Web API call, checked in Slack's order: the method exists, the rate limit,
 * the token, its scopes, then the method's own arguments.
 */

const METHODS: Record<string, MethodHandler> = { ...conversationMethods, ...messageMethods, ...userMethods };

export interface DispatchEnv extends Omit<MethodContext, "caller" | "args"> {
  state: SimState;
  limits: Map<string, { times: number; retryAfter: number }>;
}

export function dispatchMethod(
  method: string,
  token: string | null,
  args: MethodArgs,
  env: DispatchEnv,
): { status: number; result: MethodResult; retryAfter?: number } {
  if (!isKnownMethod(method)) return { status: 200, result: { ok: false, error: "unknown_method" } };
  const limit = env.limits.get(method);
  if (limit && limit.times > 0) {
    limit.times -= 1;
    return { status: 429, result: { ok: false, error: "ratelimited" }, retryAfter: limit.retryAfter };
  }
  if (!token) return { status: 200, result: { ok: false, error: "not_authed" } };
  const caller = env.state.tokens.get(token);
  if (!caller) return { status: 200, result: { ok: false, error: "invalid_auth" } };
  const needed = neededScope(method, args, env.state);
  if (needed && !caller.scopes.includes(needed))
    return {
      status: 200,
      result: { ok: false, error: "missing_scope", needed, provided: caller.scopes.join(",") },
    };
  const handler = METHODS[method] as MethodHandler;
  const { limits: _limits, ...context } = env;
  return { status: 200, result: handler({ ...context, caller, args }) };
}

/** WebClient sends forms (objects as JSON text); Slack also takes JSON bodies. */
export function parseArgs(raw: string, contentType: string): MethodArgs {
  if (contentType.includes("application/json")) {
    const parsed = parseLoose(raw);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as MethodArgs)
      : {};
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export function parseLoose(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}
