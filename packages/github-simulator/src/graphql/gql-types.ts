import type { GraphQLResolveInfo } from "graphql";
import type { SimContext } from "../sim-context.js";

/** Per request: the simulator and who is asking (`viewer`, for viewerHasReacted and permissions). */
export interface GqlContext {
  sim: SimContext;
  viewer: string;
}

export type Args = Record<string, unknown>;

/**
 * What the executor resolves: a plain object per GraphQL object, named by `__typename`.
 * Values are returned as they are; functions are called with the field's arguments.
 * A field missing from a view is reported as not implemented.
 */
export type View = { __typename: string } & Record<string, unknown>;

export type FieldFn = (args: Args, ctx: GqlContext, info: GraphQLResolveInfo) => unknown;

/** An error with GitHub's GraphQL error `type` (NOT_FOUND, FORBIDDEN, EXCESSIVE_PAGINATION...). */
export class GqlError extends Error {
  readonly type: string;

  constructor(type: string, message: string) {
    super(message);
    this.name = "GqlError";
    this.type = type;
  }
}

export function argString(args: Args, key: string): string | undefined {
  const value = args[key];
  return typeof value === "string" ? value : undefined;
}

export function argNumber(args: Args, key: string): number | undefined {
  const value = args[key];
  return typeof value === "number" ? value : undefined;
}

export function argStrings(args: Args, key: string): string[] | undefined {
  const value = args[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

export function argObject(args: Args, key: string): Args | undefined {
  const value = args[key];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Args) : undefined;
}

/** A mutation's `input` argument. */
export function mutationInput(args: Args): Args {
  return argObject(args, "input") ?? {};
}

/** GitHub's answer for an id that names no node. */
export function nodeNotFound(id: string): GqlError {
  return new GqlError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
}
