import { createRealClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { renderActionItemBody } from "../../src/kernel/action-item-body.js";
import { sweepIncidents } from "./sweep-seed.js";

/**
 * Many installations for the sweep at scale (issue 19): `installations` organisations,
 * each with the app installed on one repository holding one action item due today (one
 * reminder owed per repository), plus `busyRepos` repositories of one more installation
 * with `incidentsPerBusyRepo` open incidents each (nothing due). Every request the app
 * makes (as the app or an installation) takes `delayMs` more: the latency of GitHub.
 */
export interface ScaleWorldOptions {
  installations: number;
  busyRepos: number;
  incidentsPerBusyRepo: number;
  delayMs: number;
  webhookSecret: string;
}

export interface ScaleWorld {
  sim: Simulator;
  /** `owner/name` of every repository that owes one reminder. */
  reminderRepos: string[];
  close(): Promise<void>;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export async function startScaleWorld(options: ScaleWorldOptions): Promise<ScaleWorld> {
  const sim = await startSimulator({
    clock: createRealClock(),
    appSlug: "incident-bot",
    webhookSecret: options.webhookSecret,
  });
  const now = new Date();
  const reminderRepos: string[] = [];
  for (let i = 1; i <= options.installations; i++) {
    const owner = `org-${String(i).padStart(4, "0")}`;
    sim.createOrg(owner, ["alice", "bob", "dave"]);
    sim.createRepo({ owner, name: "svc" });
    await sim.installApp(owner, ["svc"]);
    sim.seedIssues(owner, "svc", [
      {
        title: "Add an alert on queue depth",
        body: renderActionItemBody({
          text: "Add an alert on queue depth",
          incidentTitle: "Queue stalled",
          incidentUrl: `https://github.com/${owner}/svc/issues/99`,
          fields: { owner: "dave", due: today(now), priority: "medium" },
          meta: { incident: 99, key: `scale-${i}`, ic: "bob", synced: null },
        }),
        author: sim.botLogin,
        labels: ["action-item", "priority: medium"],
        assignees: ["dave"],
        at: new Date(now.getTime() - 86_400_000),
      },
    ]);
    reminderRepos.push(`${owner}/svc`);
  }
  if (options.busyRepos > 0) {
    sim.createOrg("busy", ["alice", "bob", "dave"]);
    const names = Array.from({ length: options.busyRepos }, (_, k) => `svc-${k + 1}`);
    for (const name of names) sim.createRepo({ owner: "busy", name });
    await sim.installApp("busy", names);
    for (const name of names) sim.seedIssues("busy", name, sweepIncidents(options.incidentsPerBusyRepo, now));
  }
  // GitHub's latency: the app's requests (as the app and as installations), not the test's.
  sim.injectRequestFaults({
    seed: 19,
    rate: 1,
    mix: { slow: 1 },
    slowMs: options.delayMs,
    eligible: (request) => request.auth === "app" || request.auth === "installation",
  });
  return { sim, reminderRepos, close: () => sim.close() };
}

/** Reminders posted on each repository's action item (#1), read as a person. */
export async function remindersPerRepo(sim: Simulator, repos: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const reader = sim.as("alice");
  for (let start = 0; start < repos.length; start += 50) {
    await Promise.all(
      repos.slice(start, start + 50).map(async (full) => {
        const [owner = "", repo = ""] = full.split("/");
        const { data } = await reader.rest.issues.listComments({
          owner,
          repo,
          issue_number: 1,
          per_page: 100,
        });
        counts.set(full, data.filter((comment) => comment.body?.includes("incident-app:reminder")).length);
      }),
    );
  }
  return counts;
}
