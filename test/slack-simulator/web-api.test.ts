import { randomUUID } from "node:crypto";
import { ErrorCode, WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSlackSimulator, type SlackSimulator } from "./slack-simulator.js";

let sim: SlackSimulator;
let token: string;
let slack: WebClient;

beforeEach(async () => {
  sim = await createSlackSimulator({ signingSecret: randomUUID() }).start();
  token = `xoxb-test-${randomUUID()}`;
  sim.addBotToken(token);
  sim.addUser({ id: "U0BOB0001", name: "bob", email: "bob@example.com" });
  slack = new WebClient(token, { slackApiUrl: `${sim.url}/api/`, retryConfig: { retries: 0 } });
});
afterEach(() => sim.close());

function platformError(error: unknown): { error: string; needed?: string } {
  expect(error).toMatchObject({ code: ErrorCode.PlatformError });
  return (error as { data: { error: string; needed?: string } }).data;
}

describe("Slack simulator through @slack/web-api", () => {
  it("answers auth.test as the bot, with the bearer token the client sends", async () => {
    const me = await slack.auth.test();
    expect(me).toMatchObject({ ok: true, user_id: "U0SIMBOT1", bot_id: "B0SIMBOT1" });
    expect(sim.requests[0]).toMatchObject({
      method: "auth.test",
      token,
      contentType: "application/x-www-form-urlencoded",
    });
  });

  it("creates channels under Slack's name rules", async () => {
    const created = await slack.conversations.create({ name: "inc-20260203-001" });
    expect(created.channel).toMatchObject({ name: "inc-20260203-001", is_private: false });
    const taken = await slack.conversations.create({ name: "inc-20260203-001" }).catch(platformError);
    expect(taken).toMatchObject({ error: "name_taken" });
    const upper = await slack.conversations.create({ name: "INC-1" }).catch(platformError);
    expect(upper).toMatchObject({ error: "invalid_name_specials" });
    const long = await slack.conversations.create({ name: "a".repeat(81) }).catch(platformError);
    expect(long).toMatchObject({ error: "invalid_name_maxlength" });
  });

  it("keeps topic, members, renames and archives", async () => {
    const { channel } = await slack.conversations.create({ name: "inc-x" });
    const id = channel?.id as string;
    await slack.conversations.setTopic({ channel: id, topic: "INC-X · SEV-2" });
    await slack.conversations.invite({ channel: id, users: "U0BOB0001" });
    const again = await slack.conversations.invite({ channel: id, users: "U0BOB0001" }).catch(platformError);
    expect(again).toMatchObject({ error: "already_in_channel" });
    await slack.conversations.rename({ channel: id, name: "inc-x-resolved" });
    await slack.conversations.archive({ channel: id });
    const twice = await slack.conversations.archive({ channel: id }).catch(platformError);
    expect(twice).toMatchObject({ error: "already_archived" });
    const info = await slack.conversations.info({ channel: id });
    expect(info.channel).toMatchObject({
      name: "inc-x-resolved",
      is_archived: true,
      topic: { value: "INC-X · SEV-2" },
    });
    const members = await slack.conversations.members({ channel: id });
    expect(members.members).toEqual(["U0SIMBOT1", "U0BOB0001"]);
    // Slack documents that bot tokens cannot unarchive; they get `not_in_channel`.
    const back = await slack.conversations.unarchive({ channel: id }).catch(platformError);
    expect(back).toMatchObject({ error: "not_in_channel" });
  });

  it("answers not_archived when unarchiving a live channel", async () => {
    const { channel } = await slack.conversations.create({ name: "inc-live" });
    const live = await slack.conversations.unarchive({ channel: channel?.id as string }).catch(platformError);
    expect(live).toMatchObject({ error: "not_archived" });
  });

  it("pages conversations.list with cursors", async () => {
    for (let n = 1; n <= 5; n++) await slack.conversations.create({ name: `c-${n}` });
    const names: string[] = [];
    for await (const page of slack.paginate("conversations.list", { limit: 2 }))
      for (const channel of (page as unknown as { channels: { name: string }[] }).channels)
        names.push(channel.name);
    expect(names).toEqual(["c-1", "c-2", "c-3", "c-4", "c-5"]);
    expect(sim.calls("conversations.list")).toHaveLength(3);
  });

  it("posts, updates, pins and reads messages with their metadata", async () => {
    const { channel } = await slack.conversations.create({ name: "inc-m" });
    const id = channel?.id as string;
    const metadata = { event_type: "incident_timeline_entry", event_payload: { key: "k1" } };
    const posted = await slack.chat.postMessage({ channel: id, text: "first", metadata });
    await slack.chat.update({ channel: id, ts: posted.ts as string, text: "first, edited" });
    await slack.pins.add({ channel: id, timestamp: posted.ts as string });
    const pins = await slack.pins.list({ channel: id });
    expect(pins.items?.[0]).toMatchObject({ type: "message", message: { text: "first, edited" } });
    const plain = await slack.conversations.history({ channel: id });
    expect(plain.messages?.[0]).not.toHaveProperty("metadata");
    const full = await slack.conversations.history({ channel: id, include_all_metadata: true });
    expect(full.messages?.[0]).toMatchObject({ text: "first, edited", metadata, bot_id: "B0SIMBOT1" });
    const missing = await slack.chat.update({ channel: id, ts: "1.000001", text: "x" }).catch(platformError);
    expect(missing).toMatchObject({ error: "message_not_found" });
  });

  it("refuses posts where the bot is not a member, and ephemeral replies to outsiders", async () => {
    const { channel } = await slack.conversations.create({ name: "inc-e" });
    const id = channel?.id as string;
    const outsider = await slack.chat
      .postEphemeral({ channel: id, user: "U0BOB0001", text: "hi" })
      .catch(platformError);
    expect(outsider).toMatchObject({ error: "user_not_in_channel" });
    sim.state.channels.get(id)?.members.splice(0);
    const notIn = await slack.chat.postMessage({ channel: id, text: "x" }).catch(platformError);
    expect(notIn).toMatchObject({ error: "not_in_channel" });
    const nowhere = await slack.chat.postMessage({ channel: "C404", text: "x" }).catch(platformError);
    expect(nowhere).toMatchObject({ error: "channel_not_found" });
  });

  it("finds people by e-mail and id", async () => {
    const found = await slack.users.lookupByEmail({ email: "BOB@example.com" });
    expect(found.user).toMatchObject({ id: "U0BOB0001", name: "bob" });
    const none = await slack.users.lookupByEmail({ email: "eve@example.com" }).catch(platformError);
    expect(none).toMatchObject({ error: "users_not_found" });
    expect((await slack.users.info({ user: "U0BOB0001" })).user).toMatchObject({ name: "bob" });
  });

  it("answers unknown methods, bad tokens and missing scopes like Slack", async () => {
    const unknown = await slack.apiCall("conversations.explode").catch(platformError);
    expect(unknown).toMatchObject({ error: "unknown_method" });
    const stranger = new WebClient("xoxb-unknown", {
      slackApiUrl: `${sim.url}/api/`,
      retryConfig: { retries: 0 },
    });
    expect(await stranger.auth.test().catch(platformError)).toMatchObject({ error: "invalid_auth" });
    const narrow = `xoxb-narrow-${randomUUID()}`;
    sim.addBotToken(narrow, ["chat:write"]);
    const limited = new WebClient(narrow, { slackApiUrl: `${sim.url}/api/`, retryConfig: { retries: 0 } });
    const refused = await limited.conversations.create({ name: "x", is_private: true }).catch(platformError);
    expect(refused).toMatchObject({ error: "missing_scope", needed: "groups:write", provided: "chat:write" });
  });

  it("rate limits a method with 429 and Retry-After", async () => {
    sim.rateLimit("chat.postMessage", 1, 7);
    const strict = new WebClient(token, {
      slackApiUrl: `${sim.url}/api/`,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    const error = await strict.chat
      .postMessage({ channel: "C1", text: "x" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    expect(sim.calls("chat.postMessage")[0]).toMatchObject({ status: 429 });
  });

  it("takes JSON bodies as Slack does", async () => {
    const response = await fetch(`${sim.url}/api/conversations.create`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ name: "json-made", is_private: true }),
    });
    expect(await response.json()).toMatchObject({
      ok: true,
      channel: { name: "json-made", is_private: true },
    });
  });
});
