import { afterEach, describe, expect, it } from "vitest";
import { PEOPLE, startWarRoomHarness, type WarRoomHarness } from "./war-room-harness.js";

const CHANNEL = "inc-20260203-001";

describe("war room when a resolved incident is reopened", () => {
  let h: WarRoomHarness;
  afterEach(async () => h?.close());

  it("tries to unarchive the channel and, as Slack refuses bot tokens, continues in a new one that points to it", async () => {
    h = await startWarRoomHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    h.clock.set(new Date("2026-02-03T14:40:00Z"));
    await h.comment("bob", number, "/resolve rolled back");
    const first = h.channel(CHANNEL);
    expect(first?.isArchived).toBe(true);
    const before = h.slack.requests.length;

    h.clock.set(new Date("2026-02-03T15:05:00Z"));
    await h.comment("bob", number, "/reopen errors are back");
    expect(h.slack.calls("conversations.unarchive").map((call) => call.response)).toEqual([
      { ok: false, error: "not_in_channel" },
    ]);
    const second = h.channel(`${CHANNEL}-2`);
    expect(second).toMatchObject({ isArchived: false, isPrivate: false });
    expect(second?.topic).toContain("INC-20260203-001");
    expect(second?.members).toEqual(["U0SIMBOT1", PEOPLE.alice]);
    const messages = h.botMessages(second?.id ?? "");
    expect(messages[0]).toMatch(/^:rotating_light: \*INC-20260203-001\*/);
    expect(messages[1]).toBe(
      `:leftwards_arrow_with_hook: Reopened. Slack does not let the app unarchive the earlier channel, so the incident continues here; the earlier one, archived: <#${first?.id}>`,
    );
    expect(messages.at(-1)).toMatch(/^\*15:05 UTC\* Reopened/);
    expect(h.channel(CHANNEL)?.isArchived).toBe(true);

    // A redelivery finds the new channel by its topic: nothing is posted twice.
    const settled = h.slack.requests.length;
    const posts = h.slack.calls("chat.postMessage").length;
    for (const delivery of h.sim.deliveries.filter((d) => !d.redelivery)) await h.sim.redeliver(delivery.id);
    await h.settle();
    expect(h.slack.calls("chat.postMessage")).toHaveLength(posts);
    expect(h.slack.state.channels.size).toBe(2);
    const calls = h.slack.requests.slice(before, settled).map((request) => request.method);
    // The budget of the reopening: find, try to unarchive, open `-2` (after `name_taken`),
    // then the new channel's setup and the whole timeline mirrored into it.
    expect(calls.slice(0, 5)).toEqual([
      "conversations.list",
      "conversations.unarchive",
      "conversations.create",
      "conversations.list",
      "conversations.create",
    ]);
    expect(calls).toHaveLength(16);
    expect(calls.filter((method) => method === "chat.postMessage")).toHaveLength(6);
  });
});
