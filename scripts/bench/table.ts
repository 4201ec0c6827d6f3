/**
 * The bench's results as a Markdown table (what the README's Performance section
 * shows): each number with its target.
 */
export interface TableInput {
  requestsPerCommand: Record<string, number>;
  declareRequests: number;
  sweepRequests: Record<string, { nothingDue: number; due50: number }>;
  handlerMs: { ours: { p50: number; p95: number }; bare: { p50: number; p95: number } };
  overheadRatio: number;
  rssMb: { after10k: number; growthLast5k: number };
  historyRead: { requests: number; ms: number };
  details: {
    handler: {
      readingAppMs: { p50: number; p95: number };
      titleReadingAppMs: { p50: number; p95: number };
      lastRequestMs: { ours: { p50: number } };
    };
    memory: { webhooks: number; slopeLast5kMbPer1k: number; baselineMb: number; heapMbAfter: number };
    bareMemory: { after10k: number; heapMbAfter: number };
    historyRead: { items: number };
  };
}

export function tableRows(r: TableInput): Array<[string, string, string]> {
  const commands = Object.entries(r.requestsPerCommand)
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
  const sweep = (size: string) => {
    const found = r.sweepRequests[size];
    return found ? `${found.nothingDue} / ${found.due50}` : "n/a";
  };
  const { handler, memory, bareMemory } = r.details;
  return [
    ["Requests per command (comment's delivery)", commands, "≤ 4 single-effect"],
    ["Declare (form's delivery)", String(r.declareRequests), "≤ 8"],
    ["Sweep, 100 incidents + 1,000 items: nothing due / 50 due", sweep("1100"), "≤ 15 nothing due"],
    ["Sweep, 100 incidents + 10,000 items: nothing due / 50 due", sweep("10100"), "grows with pages"],
    [
      "Handler ms, `/note` with 200 entries, to last write (p50 / p95)",
      `${r.handlerMs.ours.p50} / ${r.handlerMs.ours.p95}`,
      "",
    ],
    ["Bare Probot app, same run (p50 / p95)", `${r.handlerMs.bare.p50} / ${r.handlerMs.bare.p95}`, ""],
    ["Overhead ratio (p50 ours / bare)", String(r.overheadRatio), "≤ 1.5"],
    [
      "For comparison: an app that only reads the history and comments (p50 / p95)",
      `${handler.readingAppMs.p50} / ${handler.readingAppMs.p95}`,
      "",
    ],
    [
      "For comparison: an app that reads one field, then comments (p50 / p95)",
      `${handler.titleReadingAppMs.p50} / ${handler.titleReadingAppMs.p95}`,
      "",
    ],
    ["Ours to the last request (verify read included), p50", String(handler.lastRequestMs.ours.p50), ""],
    [
      `App RSS MB after ${memory.webhooks.toLocaleString("en")} webhooks / growth over the last half`,
      `${r.rssMb.after10k} / ${r.rssMb.growthLast5k} (slope ${memory.slopeLast5kMbPer1k} MB per 1,000; heap ${memory.heapMbAfter})`,
      "≤ 150, no growth",
    ],
    [
      "For comparison: a bare Probot app, same webhooks, RSS MB (heap)",
      `${bareMemory.after10k} (${bareMemory.heapMbAfter})`,
      "",
    ],
    [
      `History read, ${r.details.historyRead.items.toLocaleString("en")} comments and events: requests / ms`,
      `${r.historyRead.requests} / ${r.historyRead.ms}`,
      "",
    ],
  ];
}

export function printTable(r: TableInput): void {
  const rows = tableRows(r);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0), 6));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(["What", "Result", "Target"]));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
}
