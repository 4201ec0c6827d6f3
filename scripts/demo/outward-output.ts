import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ChatReceiver } from "@incident-app/github-simulator";
import { startChatReceiver } from "@incident-app/github-simulator";
import { chromiumAvailable, openLocalPage } from "../../test/support/browser.js";
import type { MemoryPublisher } from "../../test/support/memory-publisher.js";

/**
 * The demo's outward side: a local receiver stands in for Slack and Teams (their
 * webhook URLs go into the environment variables the demo config names), and the
 * status site is written out as the app rendered it.
 */
export const DEMO_TARGETS = {
  "kingston-alerts": "DEMO_SLACK_WEBHOOK_URL",
  "ops-teams": "DEMO_TEAMS_WEBHOOK_URL",
} as const;

export async function startDemoReceiver(): Promise<ChatReceiver> {
  const receiver = await startChatReceiver();
  for (const [target, variable] of Object.entries(DEMO_TARGETS)) process.env[variable] = receiver.url(target);
  return receiver;
}

/**
 * Writes `chat/<target>.json` (what each target received) and `status/` (the site).
 * The app commits the site to the simulator's `gh-pages` through the Git Data API
 * (see `demo-output/files/gh-pages/`); the harness records each commit it made, and
 * the files are written here as that branch holds them.
 */
export async function writeOutward(out: string, receiver: ChatReceiver, publisher: MemoryPublisher) {
  await mkdir(join(out, "chat"), { recursive: true });
  for (const target of Object.keys(DEMO_TARGETS)) {
    await writeFile(
      join(out, "chat", `${target}.json`),
      `${JSON.stringify(receiver.received(target), null, 2)}\n`,
    );
  }
  await mkdir(join(out, "status"), { recursive: true });
  for (const [path, content] of publisher.branches.get("gh-pages") ?? []) {
    await writeFile(join(out, path.replace(/^status\//, "status/")), content);
  }
  const index = resolve(out, "status", "index.html");
  if (!chromiumAvailable())
    return "no screenshot: Chromium is not installed (apt-get install -y chromium; .ci/run does it in CI)";
  const page = await openLocalPage(index, resolve(out, "status", "screenshot.png"), async () => null);
  return `screenshot of the status page in ${page.version}`;
}

/** What the demo must show outward; each failure is one line. */
export function checkOutward(receiver: ChatReceiver, publisher: MemoryPublisher): string[] {
  const problems: string[] = [];
  const failed = receiver.requests().filter((request) => request.status >= 300);
  if (failed.length) problems.push(`${failed.length} chat deliveries failed`);
  const slack = receiver.received("kingston-alerts");
  const teams = receiver.received("ops-teams");
  if (slack.length < 8) problems.push(`Slack target received ${slack.length} notices, expected at least 8`);
  if (teams.length !== slack.length) problems.push(`Teams received ${teams.length}, Slack ${slack.length}`);
  if (publisher.commits.length !== 3)
    problems.push(`expected one status-page commit per public update (3), got ${publisher.commits.length}`);
  const json = publisher.branches.get("gh-pages")?.get("status/incidents.json") ?? "{}";
  const incident = (JSON.parse(json) as { incidents?: Array<{ status: string; updates: unknown[] }> })
    .incidents?.[0];
  if (incident?.status !== "resolved" || incident.updates.length !== 3)
    problems.push(`status page does not show the incident resolved with 3 updates: ${json.slice(0, 200)}`);
  return problems;
}
