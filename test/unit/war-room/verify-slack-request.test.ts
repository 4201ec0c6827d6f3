import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifySlackRequest } from "../../../src/outside/slack/verify-slack-request.js";
import { createSlackSimulator, type SlackSimulator } from "../../slack-simulator/slack-simulator.js";

/** A stand-in app endpoint: verifies, acknowledges at once, answers later via response_url. */
let app: Server;
let appUrl: string;
let sim: SlackSimulator;
const secret = randomUUID();
const received: { check: ReturnType<typeof verifySlackRequest>; body: string }[] = [];

beforeEach(async () => {
  received.length = 0;
  app = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const check = verifySlackRequest({
      signingSecret: secret,
      rawBody: body,
      headers: request.headers,
      nowMs: Date.now(),
    });
    received.push({ check, body });
    response.writeHead(check.ok ? 200 : 401).end();
    const responseUrl = new URLSearchParams(body).get("response_url");
    if (check.ok && responseUrl)
      await fetch(responseUrl, {
        method: "POST",
        body: JSON.stringify({ response_type: "ephemeral", text: "later" }),
      });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  sim = await createSlackSimulator({
    signingSecret: secret,
    commandUrl: `${appUrl}/slack/commands`,
    eventsUrl: `${appUrl}/slack/events`,
  }).start();
  sim.addUser({ id: "U0BOB0001", name: "bob" });
});
afterEach(async () => {
  await sim.close();
  await new Promise<void>((resolve) => app.close(() => resolve()));
});

describe("requests Slack sends us", () => {
  it("accepts a signed slash command, which may answer through its response_url", async () => {
    const delivery = await sim.sendSlashCommand({ text: "ack", userId: "U0BOB0001", channelId: "C0INC" });
    expect(delivery.status).toBe(200);
    expect(delivery.ms).toBeLessThan(3000);
    expect(received[0]?.check).toEqual({ ok: true });
    const form = new URLSearchParams(received[0]?.body);
    expect(Object.fromEntries(form)).toMatchObject({
      command: "/incident",
      text: "ack",
      user_id: "U0BOB0001",
      user_name: "bob",
    });
    await expect.poll(() => sim.state.responseUrlPosts.length).toBe(1);
    expect(sim.state.responseUrlPosts[0]).toMatchObject({
      responseUrl: delivery.responseUrl,
      body: { text: "later" },
    });
  });

  it("accepts a signed message event", async () => {
    const delivery = await sim.sendMessageEvent({ channel: "C0INC", user: "U0BOB0001", text: "!ack" });
    expect(delivery.status).toBe(200);
    expect(JSON.parse(received[0]?.body ?? "{}")).toMatchObject({
      type: "event_callback",
      event: { type: "message", text: "!ack", ts: delivery.ts },
    });
  });

  it("refuses a wrong secret, a forged signature and a stale timestamp", async () => {
    const base = { text: "ack", userId: "U0BOB0001", channelId: "C0INC" };
    expect((await sim.sendSlashCommand(base, { signingSecret: "not-the-secret" })).status).toBe(401);
    expect((await sim.sendSlashCommand(base, { signature: "v0=deadbeef" })).status).toBe(401);
    const stale = await sim.sendSlashCommand(base, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect(received.map((each) => each.check)).toEqual([
      { ok: false, reason: "bad-signature" },
      { ok: false, reason: "bad-signature" },
      { ok: false, reason: "stale" },
    ]);
  });

  it("refuses requests without Slack's headers", () => {
    expect(
      verifySlackRequest({ signingSecret: secret, rawBody: "x", headers: {}, nowMs: Date.now() }),
    ).toEqual({
      ok: false,
      reason: "missing-headers",
    });
  });
});
