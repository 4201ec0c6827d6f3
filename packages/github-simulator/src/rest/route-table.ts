import { loadOpenApiSpec, type OpenApiSpec, type OperationInfo } from "./openapi-spec.js";

/**
 * Matches request paths to the spec's operations. Precedence per segment: a fixed
 * segment, then a segment with embedded parameters (`{base}...{head}`), then a
 * one-segment parameter, then an `x-multi-segment` parameter spanning `/`. So
 * `issues/comments/55` is get-comment, not get-issue, and `contents/a/b.yml` is one path.
 */

export interface RouteMatch {
  operation: OperationInfo;
  params: Record<string, string>;
}

interface Leaf {
  operation: OperationInfo;
  names: string[];
}

interface PatternChild {
  regex: RegExp;
  node: RouteNode;
}

interface RouteNode {
  fixed: Map<string, RouteNode>;
  patterns: PatternChild[];
  param: RouteNode | null;
  multi: RouteNode | null;
  leaves: Map<string, Leaf>;
}

function newNode(): RouteNode {
  return { fixed: new Map(), patterns: [], param: null, multi: null, leaves: new Map() };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class RouteTable {
  private readonly root = newNode();

  constructor(spec: OpenApiSpec) {
    for (const operation of spec.operations) this.add(operation);
  }

  private add(operation: OperationInfo): void {
    const multi = new Set(operation.pathParams.filter((p) => p.multiSegment).map((p) => p.name));
    const names: string[] = [];
    let node = this.root;
    for (const segment of operation.template.split("/").filter(Boolean)) {
      const whole = /^\{([^}]+)\}$/.exec(segment);
      if (whole?.[1]) {
        names.push(whole[1]);
        const kind = multi.has(whole[1]) ? "multi" : "param";
        node[kind] ??= newNode();
        node = node[kind];
      } else if (segment.includes("{")) {
        const parts = segment.split(/(\{[^}]+\})/).filter(Boolean);
        const source = parts
          .map((part) => {
            const name = /^\{([^}]+)\}$/.exec(part)?.[1];
            if (!name) return escapeRegex(part);
            names.push(name);
            return "(.+?)";
          })
          .join("");
        const existing = node.patterns.find((p) => p.regex.source === `^${source}$`);
        const child = existing ?? { regex: new RegExp(`^${source}$`), node: newNode() };
        if (!existing) node.patterns.push(child);
        node = child.node;
      } else {
        let next = node.fixed.get(segment);
        if (!next) {
          next = newNode();
          node.fixed.set(segment, next);
        }
        node = next;
      }
    }
    if (!node.leaves.has(operation.method)) node.leaves.set(operation.method, { operation, names });
  }

  /** `path` without query string; an `/api/v3` prefix (GitHub Enterprise style) is accepted. */
  match(method: string, path: string): RouteMatch | null {
    const stripped = path.startsWith("/api/v3/") ? path.slice("/api/v3".length) : path;
    const segments = stripped.split("/").filter(Boolean);
    // `contents/` (an empty multi-segment parameter) is the repository's root, as on GitHub.
    const found = this.walk(this.root, segments, 0, [], method.toUpperCase(), stripped.endsWith("/"));
    if (!found) return null;
    const params: Record<string, string> = {};
    found.leaf.names.forEach((name, i) => {
      params[name] = found.values[i] ?? "";
    });
    return { operation: found.leaf.operation, params };
  }

  private walk(
    node: RouteNode,
    segments: string[],
    index: number,
    values: string[],
    method: string,
    emptyTail = false,
  ): { leaf: Leaf; values: string[] } | null {
    if (index === segments.length) {
      const leaf = node.leaves.get(method);
      if (leaf) return { leaf, values };
      const tail = emptyTail ? node.multi?.leaves.get(method) : undefined;
      return tail ? { leaf: tail, values: [...values, ""] } : null;
    }
    const raw = segments[index] ?? "";
    const segment = safeDecode(raw);
    const fixed = node.fixed.get(segment);
    if (fixed) {
      const found = this.walk(fixed, segments, index + 1, values, method, emptyTail);
      if (found) return found;
    }
    for (const pattern of node.patterns) {
      const m = pattern.regex.exec(segment);
      if (!m) continue;
      const found = this.walk(
        pattern.node,
        segments,
        index + 1,
        [...values, ...m.slice(1)],
        method,
        emptyTail,
      );
      if (found) return found;
    }
    if (node.param) {
      const found = this.walk(node.param, segments, index + 1, [...values, segment], method, emptyTail);
      if (found) return found;
    }
    if (node.multi) {
      // Shortest span first, so fixed suffixes still win: `commits/main/status` is the
      // combined status of `main`, while `contents/a/b.yml` spans to the end.
      for (let end = index + 1; end <= segments.length; end++) {
        const value = segments.slice(index, end).map(safeDecode).join("/");
        const found = this.walk(node.multi, segments, end, [...values, value], method, emptyTail);
        if (found) return found;
      }
    }
    return null;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

let cachedTable: RouteTable | null = null;

/** The route table over GitHub's spec, built once per process. */
export function routeTable(): RouteTable {
  cachedTable ??= new RouteTable(loadOpenApiSpec());
  return cachedTable;
}
