import { parseActionItemBody } from "../../src/kernel/action-item-body.js";
import type { IssueHistory } from "../../src/kernel/history.js";
import { trustedMarkers } from "../../src/kernel/markers.js";

/**
 * The end of demo-output/transcript.md: the follow-up as it went on the action items'
 * own issues (where the sweep reminds their owners), one row per item, so the whole
 * story reads in one file; each item's full transcript is in action-items/<n>.md.
 */
const WINDOWS: Record<string, string> = { soon: "due soon", today: "due today", overdue: "overdue" };
const when = (at: Date) => at.toISOString().slice(5, 16).replace("T", " ");

function origin(key: string): string {
  const row = /^pir(\d+)-r(\d+)$/.exec(key);
  return row ? `row ${row[2]} of the review #${row[1]}` : "`/action` on the incident";
}

export function followUpSummary(items: readonly IssueHistory[], botLogin: string): string {
  const lines = [
    "## The follow-up on the action items' own issues",
    "",
    "Reminders from the sweep go to each item's issue; full transcripts in `action-items/<n>.md`.",
    "",
    "| Item | From | Owner · due | Reminders (UTC) | Closed (UTC) |",
    "|---|---|---|---|---|",
  ];
  for (const item of items) {
    const { fields, meta } = parseActionItemBody(item.issue.body);
    const reminders = item.items.flatMap((entry) => {
      if (entry.type !== "comment") return [];
      return trustedMarkers(entry, botLogin)
        .filter((marker) => marker.kind === "reminder")
        .map(
          (marker) =>
            `${WINDOWS[(marker.fields.key ?? "").split(":")[1] ?? ""] ?? "reminder"} ${when(entry.at)}`,
        );
    });
    const closed = item.items.findLast((entry) => entry.type === "closed");
    lines.push(
      `| #${item.issue.number} ${item.issue.title} | ${origin(meta?.key ?? "")} | @${fields.owner ?? "nobody"} · ${fields.due ?? "no date"} | ${reminders.join(" · ") || "none"} | ${closed ? when(closed.at) : "open"} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
