import { afterEach, describe, expect, it } from "vitest";
import { sweepNow } from "../support/sweep-now.js";
import { startWarRoomHarness, WAR_ROOM_YAML, type WarRoomHarness } from "./war-room-harness.js";

const CHANNEL = "inc-20260203-001";
const CONFIG = `${WAR_ROOM_YAML.replace("  primary: [alice]", "  primary: [alice]\n  secondary: [carol]")}escalation:
  - { after: 10m, when: unacknowledged, notify: [secondary] }
`;

describe("war room and the sweep", () => {
  let h: WarRoomHarness;
  afterEach(async () => h?.close());

  it("mirrors an escalation the sweep writes when it happens, not with the next webhook", async () => {
    h = await startWarRoomHarness({ config: CONFIG });
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    await h.declare();
    const id = h.channel(CHANNEL)?.id ?? "";
    const mirrored = h.botMessages(id).length;
    const before = h.slack.requests.length;

    h.clock.set(new Date("2026-02-03T14:35:00Z"));
    const report = await sweepNow(h, "search", { warRoom: h.warRoom });
    expect(report.actions.map((action) => action.kind)).toContain("escalation");
    const added = h.botMessages(id).slice(mirrored);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\*14:35 UTC\* Escalated/);
    const calls = h.slack.requests.slice(before).map((request) => request.method);
    // The budget: find the channel, its members, the mirrored keys, then one post.
    expect(calls).toEqual([
      "conversations.list",
      "conversations.members",
      "conversations.history",
      "chat.postMessage",
    ]);
  });
});
