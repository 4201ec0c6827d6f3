import { tableCells } from "../../src/render/markdown-table.js";

/**
 * Rows of GitHub-flavoured Markdown tables whose cell count differs from their
 * header's: an unescaped `|` (even inside backticks) splits a cell on GitHub.
 * Tables inside fenced code blocks are text, not tables.
 */
export function malformedTableRows(markdown: string): string[] {
  const lines = markdown.split("\n");
  const problems: string[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const header = lines[i - 1] ?? "";
    if (fenced || !/^\s*\|?\s*:?-{3,}/.test(line) || !header.includes("|")) continue;
    const width = tableCells(header).length;
    for (let j = i + 1; j < lines.length && (lines[j] ?? "").trim().startsWith("|"); j++) {
      const cells = tableCells(lines[j] ?? "").length;
      if (cells !== width) problems.push(`${cells} cells where the header has ${width}: ${lines[j]}`);
    }
  }
  return problems;
}
