import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import { BackgroundWork } from "../../src/outside/background-work.js";
import type { RetryPolicy } from "../../src/outside/slack/call-slack.js";
import { type WarRoomDeps, warRoomDepsFromEnv } from "../../src/outside/slack/slack-deps.js";
import { handleSlackInbound } from "../../src/pipelines/slack-inbound.js";
import { slackRoutes } from "../../src/server/slack-routes.js";
import { createSlackSimulator, type SlackSimulator } from "../../test/slack-simulator/slack-simulator.js";
import { OWNER, REPO } from "./code-actions.js";
import type { Step } from "./scenario.js";

/**
 * The demo's Slack workspace (§15): the Slack simulator, the people in it, and the
 * app's war room pointed at it. Steps that happen in Slack type there; the e2e tests
 * that play the demo without a workspace run the same commands on GitHub instead.
 */
export const SLACK_PEOPLE = {
  alice: "U0ALICE01",
  bob: "U0BOB0001",
  carol: "U0CAROL01",
  dave: "U0DAVE001",
} as const;

export const WAR_ROOM_YAML = `# War room in Slack: a channel per SEV-1/SEV-2 incident, people mapped by their member id.
warRoom:
  enabled: true
  severities: [SEV-1, SEV-2]
  people:
${Object.entries(SLACK_PEOPLE)
  .map(([login, id]) => `    ${login}: ${id}`)
  .join("\n")}
`;

export const DEMO_CHANNEL = "inc-20260203-001";

export interface DemoSlack {
  sim: SlackSimulator;
  warRoom: WarRoomDeps;
  routes: (probot: Probot) => (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Points what the workspace sends at the app, once its server listens. */
  connect(appUrl: string): void;
  close(): Promise<void>;
}

let workspace: { slack: DemoSlack; appUrl: string } | null = null;

export async function startDemoSlack(now: () => number): Promise<DemoSlack> {
  const signingSecret = randomBytes(16).toString("hex");
  const token = `xoxb-demo-${randomBytes(6).toString("hex")}`;
  const sim = await createSlackSimulator({ signingSecret, now }).start();
  sim.addBotToken(token);
  for (const [login, id] of Object.entries(SLACK_PEOPLE)) sim.addUser({ id, name: login });
  const env = {
    SLACK_BOT_TOKEN: token,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: `${sim.url}/api/`,
    SLACK_DECLARE_REPO: `${OWNER}/${REPO}`,
  };
  // Slack's Retry-After and back-off are not slept through in the demo.
  const policy: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000, sleep: async () => {} };
  const warRoom: WarRoomDeps = {
    ...warRoomDepsFromEnv(() => env, policy),
    background: new BackgroundWork(),
    now,
  };
  const slack: DemoSlack = {
    sim,
    warRoom,
    routes: (probot) =>
      slackRoutes({
        warRoom,
        handle: (inbound) => handleSlackInbound(inbound, { probot, warRoom, log: probot.log }),
        log: probot.log,
      }),
    connect(appUrl) {
      workspace = { slack, appUrl };
    },
    async close() {
      workspace = null;
      await sim.close();
    },
  };
  return slack;
}

/** The incident's channel in the demo workspace; the person joins it first, as people do. */
function channelFor(sim: SlackSimulator, userId: string) {
  const channel = [...sim.state.channels.values()].find((each) => each.name === DEMO_CHANNEL);
  if (!channel) throw new Error(`demo: no #${DEMO_CHANNEL} in Slack`);
  if (!channel.members.includes(userId)) channel.members.push(userId);
  return channel;
}

/**
 * `/incident <text>` typed by `who` in the incident's channel; without the demo
 * workspace, the same command as a comment on the issue.
 */
export const slashFromSlack =
  (who: keyof typeof SLACK_PEOPLE, text: string, fallback: Step["run"]): Step["run"] =>
  async (github, issue, sweep) => {
    if (!workspace) return fallback(github, issue, sweep);
    const { sim } = workspace.slack;
    const userId = SLACK_PEOPLE[who];
    const channel = channelFor(sim, userId);
    const url = `${workspace.appUrl}/slack/commands`;
    const delivery = await sim.sendSlashCommand({ text, userId, channelId: channel.id, url });
    if (delivery.status !== 200) throw new Error(`demo: Slack command answered ${delivery.status}`);
  };

/** A message typed by `who` in the incident's channel (its `!` lines are commands). */
export const sayInSlack =
  (who: keyof typeof SLACK_PEOPLE, text: string, fallback: Step["run"]): Step["run"] =>
  async (github, issue, sweep) => {
    if (!workspace) return fallback(github, issue, sweep);
    const { sim } = workspace.slack;
    const userId = SLACK_PEOPLE[who];
    const channel = channelFor(sim, userId);
    const url = `${workspace.appUrl}/slack/events`;
    const delivery = await sim.sendMessageEvent({ channel: channel.id, user: userId, text, url });
    if (delivery.status !== 200) throw new Error(`demo: Slack event answered ${delivery.status}`);
  };
