import { describe, expect, it } from "vitest";
import { WarRoomSchema } from "../../../src/config/war-room-schema.js";
import { declarationText } from "../../../src/features/war-room/channel-messages.js";
import {
  afterResolveStep,
  channelFits,
  channelPolicy,
} from "../../../src/features/war-room/channel-policy.js";
import {
  channelTopic,
  TOPIC_LIMIT,
  topicNamesIncident,
} from "../../../src/features/war-room/channel-topic.js";
import { githubLoginFor, inviteesFor, slackIdFor } from "../../../src/features/war-room/people-map.js";
import type { WarRoomIncident } from "../../../src/features/war-room/war-room-types.js";

const incident: WarRoomIncident = {
  id: "INC-20260203-001",
  title: "Checkout <errors> & timeouts",
  severity: "SEV-2",
  status: "investigating",
  commander: "bob",
  issueUrl: "https://github.com/acme/svc/issues/7",
  security: false,
};

describe("topic", () => {
  it("names id, severity, status, IC and the issue", () => {
    expect(channelTopic(incident, "U0BOB")).toBe(
      "INC-20260203-001 · SEV-2 · investigating · IC <@U0BOB> · https://github.com/acme/svc/issues/7",
    );
    expect(channelTopic({ ...incident, commander: null }, null)).toContain("IC not assigned");
  });

  it("fits Slack's 250 characters and keeps the id findable", () => {
    const topic = channelTopic({ ...incident, status: "s".repeat(300) }, null);
    expect(topic.length).toBeLessThanOrEqual(TOPIC_LIMIT);
    expect(topicNamesIncident(topic, "INC-20260203-001")).toBe(true);
    expect(topicNamesIncident("INC-20260203-0011 · SEV-2", "INC-20260203-001")).toBe(false);
  });

  it("escapes the title in the declaration", () => {
    expect(declarationText(incident, null, "!")).toContain("Checkout &lt;errors&gt; &amp; timeouts");
  });
});

describe("which incidents get a channel", () => {
  const config = WarRoomSchema.parse({ enabled: true });
  it("by severity, security always private", () => {
    expect(channelPolicy(config, { severity: "SEV-1", security: false })).toEqual({
      kind: "channel",
      isPrivate: false,
      reason: "severity",
    });
    expect(channelPolicy(config, { severity: "SEV-3", security: false })).toEqual({
      kind: "none",
      reason: "severity",
    });
    expect(channelPolicy(config, { severity: "SEV-4", security: true })).toMatchObject({ isPrivate: true });
    expect(channelPolicy(WarRoomSchema.parse({}), { severity: "SEV-1", security: false })).toMatchObject({
      kind: "none",
      reason: "disabled",
    });
  });

  it("never uses a public channel for a security incident", () => {
    const security = channelPolicy(config, { severity: "SEV-1", security: true });
    expect(channelFits(security, { isPrivate: false })).toBe(false);
    expect(channelFits(security, { isPrivate: true })).toBe(true);
  });

  it("archives, renames or keeps after resolution", () => {
    expect(afterResolveStep("archive", "inc-1")).toEqual({ kind: "archive" });
    expect(afterResolveStep("rename", "inc-1")).toEqual({ kind: "rename", name: "inc-1-resolved" });
    expect(afterResolveStep("rename", "inc-1-resolved")).toEqual({ kind: "keep" });
  });
});

describe("config and people", () => {
  it("has defaults and refuses names as Slack ids", () => {
    expect(WarRoomSchema.parse(undefined)).toMatchObject({
      enabled: false,
      severities: ["SEV-1", "SEV-2"],
      channelName: "{id}",
      afterResolve: "archive",
      commandPrefix: "!",
    });
    expect(WarRoomSchema.safeParse({ people: { bob: "bob" } }).success).toBe(false);
    expect(WarRoomSchema.safeParse({ channelName: "incident" }).success).toBe(false);
    expect(WarRoomSchema.parse({ people: { "@Bob": "U0BOB" } }).people).toEqual({ bob: "U0BOB" });
  });

  it("maps both ways, without case, and not ambiguously", () => {
    const people = { bob: "U0BOB", Carol: "U0CAROL", "carol-alt": "U0CAROL" };
    expect(slackIdFor(people, "@BOB")).toBe("U0BOB");
    expect(githubLoginFor(people, "U0BOB")).toBe("bob");
    expect(githubLoginFor(people, "U0CAROL")).toBeNull();
    expect(inviteesFor(people, ["bob", "Bob", "dave"])).toEqual({ slackIds: ["U0BOB"], unmapped: ["dave"] });
  });
});
