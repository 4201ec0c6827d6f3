import type { SimChannel, SimState, SimToken } from "./sim-state.js";
import { findChannel } from "./sim-state.js";

/** What a Web API method handler gets, and the small readers of its arguments. */

/** Form bodies carry strings (objects JSON-encoded); JSON bodies carry real values. */
export type MethodArgs = Record<string, unknown>;

export interface MethodContext {
  state: SimState;
  caller: SimToken;
  args: MethodArgs;
  /** Seconds since the epoch, from the simulator's clock. */
  nowSeconds: () => number;
  nextTs: () => string;
  nextId: (prefix: string) => string;
}

export type MethodResult =
  | { ok: true; [key: string]: unknown }
  | { ok: false; error: string; [key: string]: unknown };

export type MethodHandler = (context: MethodContext) => MethodResult;

export const ok = (fields: Record<string, unknown> = {}): MethodResult => ({ ok: true, ...fields });
export const fail = (error: string, fields: Record<string, unknown> = {}): MethodResult => ({
  ok: false,
  error,
  ...fields,
});

export function text(args: MethodArgs, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

export function flag(args: MethodArgs, key: string): boolean {
  const value = args[key];
  return value === true || value === "true" || value === "1" || value === 1;
}

export function integer(args: MethodArgs, key: string, fallback: number): number {
  const value = Number(args[key]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A JSON argument (`metadata`, `blocks`): parsed when a form sent it as text; `invalid` when unparseable. */
export function jsonArg(args: MethodArgs, key: string): { value: unknown } | "invalid" | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return { value };
  try {
    return { value: JSON.parse(value) };
  } catch {
    return "invalid";
  }
}

/** The channel named by `args.channel` as the caller may see it (private ones only to members). */
export function visibleChannel(context: MethodContext, key = "channel"): SimChannel | MethodResult {
  const name = text(context.args, key);
  if (!name) return fail("channel_not_found");
  const channel = findChannel(context.state, name);
  if (!channel || (channel.isPrivate && !channel.members.includes(context.caller.userId)))
    return fail("channel_not_found");
  return channel;
}

export function isResult(value: SimChannel | MethodResult): value is MethodResult {
  return "ok" in value;
}

/** Cursor paging as Slack does it: an opaque `next_cursor`, empty on the last page. */
export function page<T>(
  items: readonly T[],
  args: MethodArgs,
  fallbackLimit: number,
): { items: T[]; nextCursor: string } | "invalid_cursor" {
  const limit = Math.min(integer(args, "limit", fallbackLimit), 1000);
  const cursor = text(args, "cursor");
  let offset = 0;
  if (cursor) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
    if (!decoded) return "invalid_cursor";
    offset = Number(decoded[1]);
  }
  const slice = items.slice(offset, offset + limit);
  const next =
    offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "";
  return { items: slice, nextCursor: next };
}
