import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planMirror } from "../../../src/features/war-room/mirror-plan.js";
import type { RetryPolicy } from "../../../src/outside/slack/call-slack.js";
import { createSlackChannels } from "../../../src/outside/slack/slack-channels.js";
import { SlackMissingScopeError, SlackUnavailableError } from "../../../src/outside/slack/slack-errors.js";
import { createSlackMessages } from "../../../src/outside/slack/slack-messages.js";
import { createSlackWebClient } from "../../../src/outside/slack/slack-web-client.js";
import { createSlackSimulator, type SlackSimulator } from "../../slack-simulator/slack-simulator.js";

let sim: SlackSimulator;
let token: string;
const waits: number[] = [];
const policy: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 10,
  maxDelayMs: 30_000,
  sleep: async (ms) => void waits.push(ms),
};
const incident = { incidentId: "INC-20260203-001", name: "inc-20260203-001", isPrivate: false };

beforeEach(async () => {
  waits.length = 0;
  sim = await createSlackSimulator({ signingSecret: randomUUID() }).start();
  token = `xoxb-test-${randomUUID()}`;
  sim.addBotToken(token);
  sim.addUser({ id: "U0BOB0001", name: "bob", email: "bob@example.com" });
});
afterEach(() => sim.close());

const client = (bot = token) => {
  const web = createSlackWebClient(bot, { apiUrl: `${sim.url}/api/` });
  return { channels: createSlackChannels(web, policy), messages: createSlackMessages(web, policy) };
};

describe("war room channel through the Slack client", () => {
  it("creates the channel once, and finds it again by the incident id", async () => {
    const { channels } = client();
    const first = await channels.ensureChannel(incident);
    expect(first).toMatchObject({ created: true, channel: { name: "inc-20260203-001" } });
    await channels.setTopic(first.channel, "INC-20260203-001 · SEV-2 · investigating");
    const again = await channels.ensureChannel(incident);
    expect(again).toMatchObject({ created: false, channel: { id: first.channel.id } });
    expect(sim.calls("conversations.create")).toHaveLength(1);
  });

  it("finds a channel whose topic was never set (a crash after create)", async () => {
    const { channels } = client();
    const first = await channels.ensureChannel(incident);
    expect(await client().channels.ensureChannel(incident)).toMatchObject({
      created: false,
      channel: { id: first.channel.id },
    });
  });

  it("takes -2 when someone else holds the name", async () => {
    const other = `xoxb-other-${randomUUID()}`;
    sim.state.tokens.set(other, {
      userId: "U0BOB0001",
      botId: null,
      scopes: ["channels:manage", "channels:read", "groups:read"],
    });
    await client(other).channels.ensureChannel(incident);
    const ours = await client().channels.ensureChannel(incident);
    expect(ours).toMatchObject({ created: true, channel: { name: "inc-20260203-001-2" } });
  });

  it("invites only those not yet in, archives once", async () => {
    const { channels } = client();
    const { channel } = await channels.ensureChannel(incident);
    expect(await channels.invite(channel.id, ["U0BOB0001"])).toEqual(["U0BOB0001"]);
    expect(await channels.invite(channel.id, ["U0BOB0001"])).toEqual([]);
    await channels.archive(channel.id);
    await channels.archive(channel.id);
    expect(sim.state.channels.get(channel.id)?.isArchived).toBe(true);
  });

  it("names the missing scope", async () => {
    const narrow = `xoxb-narrow-${randomUUID()}`;
    sim.addBotToken(narrow, ["channels:read", "groups:read"]);
    const error = await client(narrow)
      .channels.ensureChannel({ ...incident, isPrivate: true })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SlackMissingScopeError);
    expect(error).toMatchObject({ method: "conversations.create", needed: "groups:write" });
  });

  it("waits out a rate limit as Retry-After says, then succeeds", async () => {
    sim.rateLimit("conversations.create", 2, 3);
    const made = await client().channels.ensureChannel(incident);
    expect(made.created).toBe(true);
    expect(waits).toEqual([3000, 3000]);
    expect(sim.calls("conversations.create").map((call) => call.status)).toEqual([429, 429, 200]);
  });

  it("gives up after its attempts, without creating anything", async () => {
    sim.rateLimit("conversations.create", 5, 1);
    const error = await client()
      .channels.ensureChannel(incident)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SlackUnavailableError);
    expect(sim.state.channels.size).toBe(0);
  });
});

describe("mirrored messages through the Slack client", () => {
  it("posts each entry once, edits it, and a second run writes nothing", async () => {
    const { channels, messages } = client();
    const { channel } = await channels.ensureChannel(incident);
    const bot = await channels.botUserId();
    const issue = { id: incident.incidentId, issueUrl: "https://github.com/acme/svc/issues/7" };
    const entries = [{ key: "c-1", at: new Date("2026-02-03T14:23:00Z"), text: "Declared", by: null }];
    await messages.applyMirror(
      channel.id,
      planMirror(issue, entries, await messages.keyedMessages(channel.id, issue.id, bot)),
    );
    const read = await messages.keyedMessages(channel.id, issue.id, bot);
    expect(planMirror(issue, entries, read)).toEqual([]);
    const edited = [{ ...entries[0], text: "Declared SEV-1" } as (typeof entries)[0]];
    await messages.applyMirror(channel.id, planMirror(issue, edited, read));
    const texts = sim.state.messages.filter((message) => message.metadata).map((message) => message.text);
    expect(texts).toEqual(["*14:23 UTC* Declared SEV-1"]);
  });

  it("pins once and finds people by e-mail", async () => {
    const { channels, messages } = client();
    const { channel } = await channels.ensureChannel(incident);
    const ts = await messages.post(channel.id, "declared");
    await messages.pin(channel.id, ts);
    await messages.pin(channel.id, ts);
    expect(sim.state.pins).toHaveLength(1);
    expect(await messages.userIdByEmail("bob@example.com")).toBe("U0BOB0001");
    expect(await messages.userIdByEmail("nobody@example.com")).toBeNull();
  });
});
