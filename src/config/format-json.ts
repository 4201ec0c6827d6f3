/**
 * JSON laid out as the project's formatter (biome, like prettier) lays it out, so a
 * generated file passes `biome check` unchanged: objects one key a line, arrays of
 * plain values on one line when they fit in `lineWidth`.
 */
export function formatJson(value: unknown, lineWidth = 110): string {
  const layout = (node: unknown, depth: number, used: number, last: boolean): string => {
    const indent = "  ".repeat(depth);
    const inner = "  ".repeat(depth + 1);
    if (Array.isArray(node)) {
      if (node.length === 0) return "[]";
      const flat = `[${node.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (node.every(isPlain) && used + flat.length + (last ? 0 : 1) <= lineWidth) return flat;
      const items = node.map(
        (item, index) => inner + layout(item, depth + 1, inner.length, index === node.length - 1),
      );
      return `[\n${items.join(",\n")}\n${indent}]`;
    }
    if (typeof node === "object" && node !== null) {
      const entries = Object.entries(node);
      if (entries.length === 0) return "{}";
      const lines = entries.map(([key, item], index) => {
        const head = `${inner}${JSON.stringify(key)}: `;
        return head + layout(item, depth + 1, head.length, index === entries.length - 1);
      });
      return `{\n${lines.join(",\n")}\n${indent}}`;
    }
    return JSON.stringify(node);
  };
  return `${layout(value, 0, 0, true)}\n`;
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== "object";
}
