import { type Args, argNumber, argString, GqlError, type View } from "./gql-types.js";

/**
 * Relay-style paging like GitHub's: `first` or `last` is required and at most 100;
 * cursors are opaque. Each item has a numeric key that increases along the list (an
 * event sequence, a comment id, or the position), so a cursor stays valid when items
 * are added after it or the item it names is deleted.
 */

const MAX_PAGE = 100;

export function encodeCursor(key: number): string {
  return Buffer.from(`cursor:v2:${key}`, "utf8").toString("base64");
}

function decodeCursor(cursor: string): number {
  const match = /^cursor:v2:(-?\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match?.[1])
    throw new GqlError("INVALID_CURSOR_ARGUMENTS", `\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(match[1]);
}

function checkBoundary(name: "first" | "last", value: number | undefined, field: string): void {
  if (value === undefined) return;
  if (value < 0) {
    throw new GqlError(
      "INVALID_PAGINATION",
      `\`${name}\` on the \`${field}\` connection cannot be less than zero.`,
    );
  }
  if (value > MAX_PAGE) {
    throw new GqlError(
      "EXCESSIVE_PAGINATION",
      `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
    );
  }
}

export interface ConnectionOptions<T> {
  /** The GraphQL field, for error messages. */
  field: string;
  typename: string;
  edgeTypename: string;
  toNode: (item: T) => unknown;
  /** Increasing along `items`; defaults to the position. */
  key?: (item: T, index: number) => number;
  /** Extra connection fields (e.g. `updatedAt`). */
  extra?: Record<string, unknown>;
}

export function connection<T>(items: T[], args: Args, opts: ConnectionOptions<T>): View {
  const first = argNumber(args, "first");
  const last = argNumber(args, "last");
  if (first === undefined && last === undefined) {
    throw new GqlError(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${opts.field}\` connection.`,
    );
  }
  checkBoundary("first", first, opts.field);
  checkBoundary("last", last, opts.field);
  const keyOf = opts.key ?? ((_item: T, index: number) => index);
  const keyed = items.map((item, index) => ({ item, key: keyOf(item, index) }));
  const after = argString(args, "after");
  const before = argString(args, "before");
  let start = 0;
  let end = keyed.length;
  if (after) {
    const afterKey = decodeCursor(after);
    const i = keyed.findIndex((k) => k.key > afterKey);
    start = i === -1 ? keyed.length : i;
  }
  if (before) {
    const beforeKey = decodeCursor(before);
    const i = keyed.findIndex((k) => k.key >= beforeKey);
    end = i === -1 ? keyed.length : i;
  }
  const skip = argNumber(args, "skip") ?? 0;
  const windowed = keyed.slice(start, Math.max(start, end));
  let page = windowed.slice(skip);
  let pageStart = start + Math.min(skip, windowed.length);
  if (first !== undefined) page = page.slice(0, first);
  if (last !== undefined && page.length > last) {
    pageStart += page.length - last;
    page = page.slice(page.length - last);
  }
  const pageEnd = pageStart + page.length;
  const edges = page.map(({ item, key }) => ({
    __typename: opts.edgeTypename,
    cursor: encodeCursor(key),
    node: () => opts.toNode(item),
  }));
  const firstEdge = edges[0];
  const lastEdge = edges[edges.length - 1];
  return {
    __typename: opts.typename,
    totalCount: items.length,
    filteredCount: windowed.length,
    pageCount: page.length,
    nodes: () => page.map(({ item }) => opts.toNode(item)),
    edges,
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: pageEnd < keyed.length,
      hasPreviousPage: pageStart > 0,
      startCursor: firstEdge ? firstEdge.cursor : null,
      endCursor: lastEdge ? lastEdge.cursor : null,
    },
    ...opts.extra,
  };
}
