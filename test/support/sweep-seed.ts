import type { SeedIssue } from "@incident-app/github-simulator";
import { renderActionItemBody } from "../../src/kernel/action-item-body.js";

/**
 * A large repository for the sweep, written straight into the simulator's store:
 * incidents acknowledged and updated recently (nothing due on them), each with the
 * app's timeline comment written after the last command (as if the app had handled
 * every event), and action items spread over them, each linking its incident as the
 * app writes it.
 */
const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

export function sweepIncidents(count: number, now: Date, botLogin = "incident-bot[bot]"): SeedIssue[] {
  return Array.from({ length: count }, (_, index) => ({
    title: `Incident ${index + 1}`,
    body: "### Severity\n\nSEV-2\n",
    author: "alice",
    labels: ["incident"],
    at: minutesBefore(now, 20),
    comments: [
      { author: "bob", body: "/ack", at: minutesBefore(now, 19) },
      { author: "bob", body: "/update Rolling back", at: minutesBefore(now, 5) },
      {
        author: botLogin,
        body: "<!-- incident-app:timeline hash=seeded -->\n## Timeline",
        at: minutesBefore(now, 4),
      },
    ],
  }));
}

export interface SweepItems {
  owner: string;
  repo: string;
  count: number;
  /** How many incidents the items are spread over (numbered from 1). */
  incidents: number;
  /** The due date of the item at `index`. */
  due: (index: number) => string;
  botLogin: string;
  now: Date;
}

export function sweepActionItems({
  owner,
  repo,
  count,
  incidents,
  due,
  botLogin,
  now,
}: SweepItems): SeedIssue[] {
  return Array.from({ length: count }, (_, index) => {
    const incident = (index % incidents) + 1;
    return {
      title: `Follow-up ${index + 1}`,
      body: renderActionItemBody({
        text: `Follow-up ${index + 1}`,
        incidentTitle: `Incident ${incident}`,
        incidentUrl: `https://github.com/${owner}/${repo}/issues/${incident}`,
        fields: { owner: "dave", due: due(index), priority: "medium" },
        meta: { incident, key: `seed-${index}`, ic: "bob", synced: null },
      }),
      author: botLogin,
      labels: ["action-item", "priority: medium"],
      assignees: ["dave"],
      at: minutesBefore(now, 60 * 24),
    };
  });
}
