import { describe, expect, it } from "vitest";
import { planMirror } from "../../../src/features/war-room/mirror-plan.js";
import { parseChannelMessage, parseSlashText } from "../../../src/features/war-room/parse-slack-command.js";
import {
  decideRelay,
  readFromSlackMarker,
  relayCommentBody,
} from "../../../src/features/war-room/relay-decision.js";
import type { MirrorEntry } from "../../../src/features/war-room/war-room-types.js";

const people = { bob: "U0BOB", carol: "U0CAROL" };
const context = { people, incidentId: "INC-20260203-001", security: false, commandPrefix: "!" };
const input = (text: string, slackUserId = "U0BOB") => ({
  slackUserId,
  channelId: "C0INC",
  channelName: "inc-20260203-001",
  command: parseSlashText(text),
});

describe("parsing what people type in Slack", () => {
  it("reads /incident text", () => {
    expect(parseSlashText("declare SEV-2 Checkout errors in EU")).toEqual({
      kind: "declare",
      severity: "SEV-2",
      title: "Checkout errors in EU",
    });
    expect(parseSlashText("declare SEV-2")).toEqual({ kind: "declare-usage" });
    expect(parseSlashText("")).toEqual({ kind: "help" });
    expect(parseSlashText("note db is back")).toEqual({ kind: "commands", lines: ["/note db is back"] });
  });

  it("reads prefixed lines of a channel message, ignoring talk", () => {
    expect(parseChannelMessage("looking at it\n!ack\n!status identified", "!")).toEqual({
      kind: "commands",
      lines: ["/ack", "/status identified"],
    });
    expect(parseChannelMessage("wow!! it works", "!")).toEqual({ kind: "empty" });
    expect(parseChannelMessage("! ack", "!")).toEqual({ kind: "empty" });
  });
});

describe("relaying a command to GitHub", () => {
  it("writes the command with who typed it and where", () => {
    const decision = decideRelay(input("ic <@U0CAROL>"), context);
    expect(decision).toMatchObject({ kind: "relay", login: "bob", lines: ["/ic @carol"] });
    const who = {
      login: "bob",
      slackUserId: "U0BOB",
      channelId: "C0INC",
      channelName: "inc-20260203-001",
      association: "MEMBER" as const,
    };
    const body = decision.kind === "relay" ? relayCommentBody(decision.lines, who) : "";
    expect(body.split("\n")[0]).toBe("/ic @carol");
    expect(body).toContain("Typed in Slack by @bob in #inc-20260203-001.");
    expect(readFromSlackMarker(body)).toEqual({ slackUserId: "U0BOB", channelId: "C0INC", login: "bob" });
  });

  it("tells unmapped people why and what to do, ephemerally", () => {
    const decision = decideRelay(input("ack", "U0EVE"), context);
    expect(decision.kind).toBe("reply");
    expect(decision.kind === "reply" && decision.text).toContain("warRoom.people");
    expect(decideRelay(input("ack", "U0EVE"), { ...context, security: true })).toMatchObject({
      text: expect.stringContaining("security incident"),
    });
  });

  it("refuses to guess unknown mentions", () => {
    expect(decideRelay(input("ic <@U0DAVE>"), context)).toMatchObject({
      kind: "reply",
      text: expect.stringContaining("<@U0DAVE>"),
    });
  });

  it("declares anywhere, but other commands only in an incident channel", () => {
    expect(
      decideRelay(input("declare SEV-2 Search &amp; login down"), { ...context, incidentId: null }),
    ).toMatchObject({ kind: "declare", login: "bob", severity: "SEV-2", title: "Search & login down" });
    expect(decideRelay(input("ack"), { ...context, incidentId: null })).toMatchObject({ kind: "reply" });
  });

  it("never lets typed text become one of the app's markers", () => {
    // Slack escapes `<` and `>` in what people type.
    const decision = decideRelay(input("note fixed\n&lt;!-- incident-app:timeline --&gt;"), context);
    const body = decision.kind === "relay" ? decision.lines.join("\n") : "";
    expect(body).not.toMatch(/^<!-- incident-app:timeline/m);
    expect(body).toContain("&lt;!-- incident-app:timeline -->");
  });
});

describe("mirroring the timeline", () => {
  const issue = { id: "INC-20260203-001", issueUrl: "https://github.com/acme/svc/issues/7" };
  const entries: MirrorEntry[] = [
    { key: "c-2", at: new Date("2026-02-03T14:30:00Z"), text: "Status **identified**", by: "bob" },
    {
      key: "c-1",
      at: new Date("2026-02-03T14:23:00Z"),
      text: "Declared [SEV-2](https://x.test/1)",
      by: null,
    },
  ];

  it("posts each entry once, in time order, with its key in metadata", () => {
    const writes = planMirror(issue, entries, []);
    expect(writes.map((write) => [write.kind, write.key, write.text])).toEqual([
      ["post", "c-1", "*14:23 UTC* Declared <https://x.test/1|SEV-2>"],
      ["post", "c-2", "*14:30 UTC* Status *identified* · @bob"],
    ]);
    expect(writes[0]?.metadata).toEqual({
      event_type: "incident_timeline_entry",
      event_payload: { incident: "INC-20260203-001", key: "c-1" },
    });
  });

  it("writes nothing again, updates edits, strikes removed entries", () => {
    const mirrored = planMirror(issue, entries, []).map((write, n) => ({
      key: write.key,
      ts: `1770128580.00000${n + 1}`,
      text: write.text,
    }));
    expect(planMirror(issue, entries, mirrored)).toEqual([]);
    const edited = [{ ...entries[0], text: "Status **mitigating**" } as MirrorEntry];
    const writes = planMirror(issue, edited, mirrored);
    expect(writes.map((write) => [write.kind, write.key])).toEqual([
      ["update", "c-2"],
      ["update", "c-1"],
    ]);
    expect(writes[1]?.text).toBe("*14:23 UTC* ~this entry was removed from the timeline on GitHub~");
  });

  it("names the actor once: not again after a line that ends with them", () => {
    const at = new Date("2026-02-03T14:24:00Z");
    const roles: MirrorEntry[] = [
      { key: "r-1", at, text: "Incident commander: @bob", by: "bob" },
      { key: "r-2", at, text: "Scribe: @Carol", by: "carol" },
      { key: "r-3", at, text: "Communications lead: @bob", by: "alice" },
      { key: "r-4", at, text: "Incident commander: @jimbob", by: "bob" },
    ];
    expect(planMirror(issue, roles, []).map((write) => write.text)).toEqual([
      "*14:24 UTC* Incident commander: @bob",
      "*14:24 UTC* Scribe: @Carol",
      "*14:24 UTC* Communications lead: @bob · @alice",
      "*14:24 UTC* Incident commander: @jimbob · @bob",
    ]);
  });
});
