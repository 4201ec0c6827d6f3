import { tableCell } from "./markdown.js";

/** A Markdown table with padded columns, laid out as the project's formatter (biome) lays it out. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const escaped = [header, ...rows].map((cells) => cells.map(tableCell));
  const widths = header.map((_, column) =>
    Math.max(3, ...escaped.map((cells) => [...(cells[column] ?? "")].length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - [...cell].length)).join(" | ")} |`;
  const [head = [], ...body] = escaped;
  return [line(head), line(widths.map((width) => "-".repeat(width))), ...body.map(line)];
}

/** The cells of a one-line table row, `\|` kept as written. */
export function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}
