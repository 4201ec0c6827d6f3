import { describe, expect, it } from "vitest";
import {
  channelNameFor,
  firstFreeChannelName,
  isNameOrSuffixed,
  isValidChannelName,
  withCollisionSuffix,
} from "../../../src/features/war-room/channel-name.js";

describe("channel names", () => {
  it.each([
    ["INC-20260203-001", "{id}", "inc-20260203-001"],
    ["INC-20260203-001", "incident-{day}-{number}", "incident-20260203-001"],
    ["INC-20260203-001", "war_room-{id}", "war_room-inc-20260203-001"],
    ["INC-20260203-012", "{day}.{number}", "20260203-012"],
  ])("%s with %s is %s", (id, pattern, name) => {
    expect(channelNameFor(id, pattern)).toBe(name);
    expect(isValidChannelName(name)).toBe(true);
  });

  it("stays within 80 characters, also with a suffix", () => {
    const name = channelNameFor("INC-20260203-001", `${"x".repeat(90)}-{id}`);
    expect(name).toHaveLength(80);
    expect(withCollisionSuffix(name, 12)).toHaveLength(80);
    expect(withCollisionSuffix(name, 12).endsWith("-12")).toBe(true);
  });

  it("suffixes collisions -2, -3…", () => {
    expect(firstFreeChannelName("inc-1", new Set(["inc-1", "inc-1-2"]))).toBe("inc-1-3");
    expect(isNameOrSuffixed("inc-1-3", "inc-1")).toBe(true);
    expect(isNameOrSuffixed("inc-1-1", "inc-1")).toBe(false);
    expect(isNameOrSuffixed("inc-12", "inc-1")).toBe(false);
  });

  it("refuses what Slack refuses", () => {
    expect(isValidChannelName("Inc-1")).toBe(false);
    expect(isValidChannelName("inc 1")).toBe(false);
    expect(isValidChannelName("inc.1")).toBe(false);
    expect(isValidChannelName("a".repeat(81))).toBe(false);
  });
});
