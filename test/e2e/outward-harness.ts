import type { ChatReceiver, RequestLogEntry } from "@incident-app/github-simulator";
import { startChatReceiver } from "@incident-app/github-simulator";
import { type Harness, type HarnessOptions, startHarness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";
import { readAsPerson } from "../support/transcript.js";

/**
 * The app, the simulator and a chat receiver, with a repo whose config has chat
 * targets (webhook URLs in the environment, pointing at the receiver).
 */
export const OWNER = "acme";
export const REPO = "search";

export const TARGETS_YAML = `onCall:
  primary: [alice]
services:
  search: {}
notifications:
  targets:
    alerts: { type: slack, urlFrom: ALERTS_URL, severities: [SEV-1, SEV-2] }
    ops: { type: teams, urlFrom: OPS_URL }
    audit: { type: webhook, urlFrom: AUDIT_URL, events: [declared, resolved] }
`;

export interface OutwardHarness extends Harness {
  chatReceiver: ChatReceiver;
  sleeps: number[];
  /** Files the form (SEV-2) as alice at the current time; resolves with the issue number. */
  declare(): Promise<number>;
  comment(who: string, number: number, body: string): Promise<void>;
  /** Comments on the issue authored by the app. */
  appComments(number: number): Promise<string[]>;
}

export async function startOutwardHarness(
  config = TARGETS_YAML,
  env: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<OutwardHarness> {
  const chatReceiver = await startChatReceiver();
  const sleeps: number[] = [];
  const urls = {
    ALERTS_URL: chatReceiver.url("alerts"),
    OPS_URL: chatReceiver.url("ops"),
    AUDIT_URL: chatReceiver.url("audit"),
  };
  const harness = await startHarness({
    ...options,
    chat: {
      env: () => ({ ...urls, ...env }),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options.chat,
    },
  });
  const { sim } = harness;
  sim.createOrg(OWNER, ["alice", "bob", "carol"]);
  sim.createRepo({ owner: OWNER, name: REPO, files: { ".github/incident.yml": config } });
  await sim.installApp(OWNER, [REPO]);
  return {
    ...harness,
    chatReceiver,
    sleeps,
    async declare() {
      const number = sim.fileIssueForm(
        "alice",
        { owner: OWNER, name: REPO },
        {
          title: "Search returns no results",
          body: FORM_BODY,
          labels: ["incident"],
        },
      );
      await harness.settle();
      return number;
    },
    async comment(who, number, body) {
      await sim.as(who).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
      await harness.settle();
    },
    async appComments(number) {
      const history = await readAsPerson(sim.as("alice"), OWNER, REPO, number);
      return history.items.flatMap((item) =>
        item.type === "comment" && item.author?.login === sim.botLogin ? [item.body] : [],
      );
    },
    async close() {
      await harness.close();
      await chatReceiver.close();
    },
  };
}

/** Writes the app made (REST other than GET, GraphQL mutations). */
export function writes(entries: readonly RequestLogEntry[]): RequestLogEntry[] {
  return entries.filter((entry) =>
    entry.graphql
      ? !/^(IncidentHistory|IncidentHistoryPage|StatusSiteIncidents)$/.test(entry.graphql)
      : entry.method !== "GET",
  );
}
