import { randomBytes } from "node:crypto";
import type { RequestLogEntry } from "@incident-app/github-simulator";
import { BackgroundWork } from "../../src/outside/background-work.js";
import type { RetryPolicy } from "../../src/outside/slack/call-slack.js";
import {
  respondEphemeral,
  type WarRoomDeps,
  warRoomDepsFromEnv,
} from "../../src/outside/slack/slack-deps.js";
import { handleSlackInbound } from "../../src/pipelines/slack-inbound.js";
import { slackRoutes } from "../../src/server/slack-routes.js";
import { createSlackSimulator, type SlackSimulator } from "../slack-simulator/slack-simulator.js";
import { type Harness, startHarness } from "../support/harness.js";
import { FORM_BODY } from "../support/history-builder.js";

/**
 * The app between both simulators: GitHub's (webhooks, REST, GraphQL) and Slack's
 * (Web API, signed slash commands and events). Slack's waits are recorded, not slept.
 */
export const OWNER = "acme";
export const REPO = "search";
export const PEOPLE = { alice: "U0ALICE01", bob: "U0BOB0001", carol: "U0CAROL01", mallory: "U0MALLORY" };

export const WAR_ROOM_YAML = `onCall:
  primary: [alice]
services:
  search: {}
warRoom:
  enabled: true
  severities: [SEV-1, SEV-2]
  people:
    alice: ${PEOPLE.alice}
    bob: ${PEOPLE.bob}
    carol: ${PEOPLE.carol}
    mallory: ${PEOPLE.mallory}
`;

export interface WarRoomHarness extends Harness {
  slack: SlackSimulator;
  /** The app's war room deps, for a sweep run beside the webhooks. */
  warRoom: WarRoomDeps;
  /** The app's signing secret (made up now), for requests the simulator does not send. */
  signingSecret: string;
  /** What Slack's Retry-After and back-off asked the app to wait (ms). */
  slackSleeps: number[];
  declare(options?: { security?: boolean }): Promise<number>;
  comment(who: string, number: number, body: string): Promise<void>;
  /** `/incident <text>` typed by the Slack user, then everything it caused. */
  slash(userId: string, channelId: string, text: string): Promise<{ status: number; ms: number }>;
  /** A message typed in a channel, then everything it caused. */
  say(userId: string, channelId: string, text: string): Promise<{ status: number }>;
  channel(
    name: string,
  ): { id: string; isPrivate: boolean; isArchived: boolean; topic: string; members: string[] } | null;
  /** The bot's messages in a channel, oldest first. */
  botMessages(channelId: string): string[];
  /** Requests the app made to GitHub (installation and app tokens), from `from` on. */
  githubRequests(from?: number): RequestLogEntry[];
}

export async function startWarRoomHarness(
  options: { config?: string; scopes?: readonly string[]; token?: string | null; declareRepo?: string } = {},
): Promise<WarRoomHarness> {
  const signingSecret = randomBytes(16).toString("hex");
  const token = `xoxb-${randomBytes(8).toString("hex")}`;
  const slackSleeps: number[] = [];
  // Clock: the GitHub simulator's, shared with Slack's so signatures and ts agree.
  let now = () => Date.parse("2026-02-03T14:15:00Z");
  const slack = await createSlackSimulator({ signingSecret, now: () => now() }).start();
  slack.addBotToken(token, options.scopes);
  slack.addUser({ id: PEOPLE.alice, name: "alice" });
  slack.addUser({ id: PEOPLE.bob, name: "bob" });
  slack.addUser({ id: PEOPLE.carol, name: "carol" });
  slack.addUser({ id: PEOPLE.mallory, name: "mallory" });
  slack.addUser({ id: "U0EVE0001", name: "eve" });
  const policy: RetryPolicy = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    sleep: async (ms) => {
      slackSleeps.push(ms);
    },
  };
  const env = {
    SLACK_BOT_TOKEN: options.token === null ? undefined : (options.token ?? token),
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: `${slack.url}/api/`,
    SLACK_DECLARE_REPO: options.declareRepo ?? `${OWNER}/${REPO}`,
  };
  const fromEnv = warRoomDepsFromEnv(() => env, policy);
  const warRoom: WarRoomDeps = {
    ...fromEnv,
    respond: (url, text) => respondEphemeral(url, text, policy),
    background: new BackgroundWork(),
    now: () => now(),
  };
  const harness = await startHarness({
    warRoom,
    routes: (probot) =>
      slackRoutes({
        warRoom,
        handle: (inbound) => handleSlackInbound(inbound, { probot, warRoom, log: probot.log }),
        log: probot.log,
      }),
  });
  now = () => harness.clock.now().getTime();
  const { sim } = harness;
  sim.createOrg(OWNER, ["alice", "bob", "carol"]);
  sim.createRepo({
    owner: OWNER,
    name: REPO,
    files: { ".github/incident.yml": options.config ?? WAR_ROOM_YAML },
  });
  await sim.installApp(OWNER, [REPO]);
  const urls = {
    commandUrl: `${harness.appUrl}/slack/commands`,
    eventsUrl: `${harness.appUrl}/slack/events`,
  };
  return {
    ...harness,
    slack,
    warRoom,
    signingSecret,
    slackSleeps,
    async declare(declareOptions = {}) {
      const body = declareOptions.security ? FORM_BODY.replace("- [ ] This is", "- [x] This is") : FORM_BODY;
      const number = sim.fileIssueForm(
        "alice",
        { owner: OWNER, name: REPO },
        { title: "Search returns no results", body, labels: ["incident"] },
      );
      await harness.settle();
      return number;
    },
    async comment(who, number, body) {
      await sim.as(who).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
      await harness.settle();
    },
    async slash(userId, channelId, text) {
      const delivery = await slack.sendSlashCommand({ text, userId, channelId, url: urls.commandUrl });
      await harness.settle();
      return { status: delivery.status, ms: delivery.ms };
    },
    async say(userId, channelId, text) {
      const delivery = await slack.sendMessageEvent({
        channel: channelId,
        user: userId,
        text,
        url: urls.eventsUrl,
      });
      await harness.settle();
      return { status: delivery.status };
    },
    channel(name) {
      const found = [...slack.state.channels.values()].find((channel) => channel.name === name);
      return found
        ? {
            id: found.id,
            isPrivate: found.isPrivate,
            isArchived: found.isArchived,
            topic: found.topic.value,
            members: found.members,
          }
        : null;
    },
    botMessages(channelId) {
      return slack.state.messages
        .filter((message) => message.channel === channelId && message.botId !== null && !message.subtype)
        .map((message) => message.text);
    },
    githubRequests(from = 0) {
      return sim.log
        .filter(
          (entry) =>
            (entry.auth === "installation" || entry.auth === "app") && !/access_tokens$/.test(entry.path),
        )
        .slice(from);
    },
    async close() {
      await harness.close();
      await slack.close();
    },
  };
}
