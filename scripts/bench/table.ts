/**
 * The bench's results as a Markdown table (what the README's Performance section
 * shows): each number with its target.
 */
export interface TableInput {
  requestsPerCommand: Record<string, number>;
  declareRequests: number;
  sweepRequests: Record<string, { nothingDue: number; due50: number }>;
  roundTrips: Record<string, number>;
  secondaryPoints: Record<string, { points: number; contentCreating: number }>;
  latencyModel: { ours: { p50: number; p95: number }; bare: { p50: number; p95: number }; ratio: number };
  cpuMsPerEvent: number;
  rssMb: { after10k: number; growthLast5k: number };
  historyRead: { requests: number; ms: number };
  details: {
    requestsOnLongIncident: Record<string, number>;
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
  const { memory, bareMemory } = r.details;
  const list = (values: Record<string, string | number>) =>
    Object.entries(values)
      .map(([name, value]) => `${name} ${value}`)
      .join(", ");
  const points = Object.fromEntries(
    Object.entries(r.secondaryPoints).map(([name, p]) => [
      name,
      `${p.points}${p.contentCreating ? `(${p.contentCreating}c)` : ""}`,
    ]),
  );
  const { ours, bare } = r.latencyModel;
  return [
    [
      "Requests per command (comment's delivery)",
      commands,
      "≤ 2 single-issue; /resolve ≤ 5; /status public ≤ 4",
    ],
    ["Requests per command on the long incident (200 notes)", list(r.details.requestsOnLongIncident), "≤ 2"],
    ["Round trips, webhook to last write", list(r.roundTrips), ""],
    ["Secondary points (content-creating requests)", list(points), "≤ 6 single-issue"],
    ["Declare (form's delivery)", String(r.declareRequests), "≤ 3"],
    ["Sweep, 100 incidents + 1,000 items: nothing due / 50 due", sweep("1100"), "≤ 15 nothing due"],
    ["Sweep, 100 incidents + 10,000 items: nothing due / 50 due", sweep("10100"), "grows with pages"],
    [
      "`/note` on the long incident under the latency model, ms to the webhook's answer: ours / bare Probot (p50, p95)",
      `${ours.p50}, ${ours.p95} / ${bare.p50}, ${bare.p95}`,
      "",
    ],
    ["Latency ratio (p50 ours / bare)", String(r.latencyModel.ratio), "≤ 2.2"],
    ["App CPU per `/note`, ms", String(r.cpuMsPerEvent), ""],
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
