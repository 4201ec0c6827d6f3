import { describe, expect, it } from "vitest";
import type { Command, CommandError } from "../../../src/commands/types.js";
import { commandOf, context, errorOf } from "./context.js";

const SEVERITIES_EXPECTED = "one of SEV-1, SEV-2, SEV-3, SEV-4 (or P0–P3, critical/high/medium/low)";
const STATUSES_EXPECTED =
  "one of investigating, identified, mitigating, monitoring, resolved (a unique prefix is enough)";

describe("incident commands", () => {
  it.each<[string, Command]>([
    ["/declare", { kind: "declare", severity: null, title: null }],
    ["/declare SEV-2 Checkout errors", { kind: "declare", severity: "SEV-2", title: "Checkout errors" }],
    ["/declare p0", { kind: "declare", severity: "SEV-1", title: null }],
    ["/declare sev3   Slow   search", { kind: "declare", severity: "SEV-3", title: "Slow   search" }],
    ["/declare critical", { kind: "declare", severity: "SEV-1", title: null }],
    // a severity word leading a title is the title: "high latency" is not SEV-2
    [
      "/declare high latency on checkout",
      { kind: "declare", severity: null, title: "high latency on checkout" },
    ],
    ["/declare 3 regions down", { kind: "declare", severity: null, title: "3 regions down" }],
    ["/declare 3", { kind: "declare", severity: "SEV-3", title: null }],
    ["/declare Checkout is down", { kind: "declare", severity: null, title: "Checkout is down" }],
    ["/ack", { kind: "ack", text: null }],
    ["/acknowledge", { kind: "ack", text: null }],
    ["/ack on it", { kind: "ack", text: "on it" }],
    ["/severity SEV-1", { kind: "severity", severity: "SEV-1", reason: null }],
    ["/severity sev1", { kind: "severity", severity: "SEV-1", reason: null }],
    ["/severity sev-1", { kind: "severity", severity: "SEV-1", reason: null }],
    ["/severity 1", { kind: "severity", severity: "SEV-1", reason: null }],
    ["/severity P0", { kind: "severity", severity: "SEV-1", reason: null }],
    ["/severity critical", { kind: "severity", severity: "SEV-1", reason: null }],
    ["/severity LOW", { kind: "severity", severity: "SEV-4", reason: null }],
    ["/sev p1 error rate rising", { kind: "severity", severity: "SEV-2", reason: "error rate rising" }],
    ["/SEV 3", { kind: "severity", severity: "SEV-3", reason: null }],
    ["/status identified", { kind: "status", status: "identified", text: null }],
    ["/status Identified bad config push", { kind: "status", status: "identified", text: "bad config push" }],
    ["/status inv", { kind: "status", status: "investigating", text: null }],
    ["/status mon all green", { kind: "status", status: "monitoring", text: "all green" }],
    ["/identified", { kind: "status", status: "identified", text: null }],
    ["/identified bad deploy", { kind: "status", status: "identified", text: "bad deploy" }],
    ["/mitigating", { kind: "status", status: "mitigating", text: null }],
    ["/mitigated", { kind: "status", status: "monitoring", text: null }],
    ["/mitigated rolled back", { kind: "status", status: "monitoring", text: "rolled back" }],
    ["/monitoring", { kind: "status", status: "monitoring", text: null }],
    ["/ic @alice", { kind: "role", role: "ic", handle: "alice" }],
    ["/ic me", { kind: "role", role: "ic", handle: "me" }],
    ["/ic @me", { kind: "role", role: "ic", handle: "me" }],
    ["/lead bob", { kind: "role", role: "lead", handle: "bob" }],
    ["/comms @acme/support", { kind: "role", role: "comms", handle: "acme/support" }],
    ["/comms draft", { kind: "comms-draft" }],
    ["/comms DRAFT", { kind: "comms-draft" }],
    ["/comms @draft", { kind: "role", role: "comms", handle: "draft" }],
    ["/scribe @carol,", { kind: "role", role: "scribe", handle: "carol" }],
    ["/role sme @dave", { kind: "role", role: "sme", handle: "dave" }],
    ["/role IC @erin", { kind: "role", role: "ic", handle: "erin" }],
    ["/role scribe me", { kind: "role", role: "scribe", handle: "me" }],
    ["/ic @dependabot[bot]", { kind: "role", role: "ic", handle: "dependabot[bot]" }],
    ["/note Error rate spiked", { kind: "note", at: null, text: "Error rate spiked" }],
    ["/note at least three customers", { kind: "note", at: null, text: "at least three customers" }],
    ["/note at 10% of traffic", { kind: "note", at: null, text: "at 10% of traffic" }],
    [
      "/note at 14:23 Error rate spiked",
      { kind: "note", at: new Date("2026-02-03T14:23Z"), text: "Error rate spiked" },
    ],
    ["/note AT 2pm paged", { kind: "note", at: new Date("2026-02-03T14:00Z"), text: "paged" }],
    ["/started at 14:05", { kind: "started", at: new Date("2026-02-03T14:05Z") }],
    ["/started 2026-02-02 23:10", { kind: "started", at: new Date("2026-02-02T23:10Z") }],
    ["/detected at 2026-02-03T14:12Z", { kind: "detected", at: new Date("2026-02-03T14:12Z") }],
    ["/detected 14:12", { kind: "detected", at: new Date("2026-02-03T14:12Z") }],
    ["/update Rolled back; errors falling", { kind: "update", text: "Rolled back; errors falling" }],
    ["/resolve", { kind: "resolve", summary: null }],
    ["/resolve Bad deploy rolled back", { kind: "resolve", summary: "Bad deploy rolled back" }],
    ["/resolved", { kind: "resolve", summary: null }],
    ["/reopen", { kind: "reopen", reason: null }],
    ["/reopen errors are back", { kind: "reopen", reason: "errors are back" }],
    ["/escalate", { kind: "escalate", note: null }],
    ["/escalate need a DBA", { kind: "escalate", note: "need a DBA" }],
    ["/timeline", { kind: "timeline" }],
    ["/help", { kind: "help" }],
  ])("%s", (line, expected) => {
    expect(commandOf(line)).toEqual(expected);
  });

  it("sets the configured mitigated status for /mitigated", () => {
    expect(commandOf("/mitigated", context({ mitigatedStatus: "Mitigating" }))).toEqual({
      kind: "status",
      status: "mitigating",
      text: null,
    });
  });

  it("matches configured severities and statuses", () => {
    const ctx = context({
      severities: [
        { name: "Major", aliases: ["M"] },
        { name: "Minor", aliases: [] },
      ],
      statuses: ["open", "fixing", "done"],
    });
    expect(commandOf("/severity m", ctx)).toEqual({ kind: "severity", severity: "Major", reason: null });
    expect(commandOf("/status fix", ctx)).toEqual({ kind: "status", status: "fixing", text: null });
    expect(errorOf("/severity 1", ctx)).toMatchObject({
      kind: "bad-argument",
      expected: "one of Major, Minor (or M)",
    });
    expect(errorOf("/identified", ctx)).toEqual({
      kind: "bad-argument",
      command: "identified",
      argument: "status",
      got: "identified",
      expected: "one of open, fixing, done (a unique prefix is enough)",
      example: "/status fixing",
    });
  });
});

describe("incident command errors", () => {
  it.each<[string, CommandError]>([
    [
      "/declare SEV-9 DB down",
      {
        kind: "bad-argument",
        command: "declare",
        argument: "severity",
        got: "SEV-9",
        expected: SEVERITIES_EXPECTED,
        example: "/declare SEV-2 DB down",
      },
    ],
    [
      "/severity SEV-9",
      {
        kind: "bad-argument",
        command: "severity",
        argument: "severity",
        got: "SEV-9",
        expected: SEVERITIES_EXPECTED,
        example: "/severity SEV-2",
      },
    ],
    [
      "/sev",
      {
        kind: "missing-argument",
        command: "severity",
        argument: "severity",
        expected: SEVERITIES_EXPECTED,
        example: "/severity SEV-2",
      },
    ],
    [
      "/status m",
      {
        kind: "bad-argument",
        command: "status",
        argument: "status",
        got: "m",
        expected: STATUSES_EXPECTED,
        example: "/status identified",
      },
    ],
    [
      "/status fixed",
      {
        kind: "bad-argument",
        command: "status",
        argument: "status",
        got: "fixed",
        expected: STATUSES_EXPECTED,
        example: "/status identified",
      },
    ],
    [
      "/status",
      {
        kind: "missing-argument",
        command: "status",
        argument: "status",
        expected: STATUSES_EXPECTED,
        example: "/status identified",
      },
    ],
  ])("%s", (line, expected) => {
    expect(errorOf(line)).toEqual(expected);
  });

  it.each<[string, Partial<CommandError>]>([
    ["/ic", { kind: "missing-argument", command: "ic", argument: "handle" }],
    ["/ic @-nope", { kind: "bad-argument", command: "ic", argument: "handle", got: "@-nope" }],
    ["/ic @alice @bob", { kind: "bad-argument", command: "ic", argument: "extra text", got: "@bob" }],
    ["/lead #42", { kind: "bad-argument", command: "lead", argument: "handle", got: "#42" }],
    ["/scribe", { kind: "missing-argument", command: "scribe", argument: "handle" }],
    ["/comms", { kind: "missing-argument", command: "comms", argument: "handle" }],
    [
      "/comms draft now please",
      { kind: "bad-argument", command: "comms", argument: "extra text", got: "now please" },
    ],
    ["/role", { kind: "missing-argument", command: "role", argument: "role" }],
    ["/role boss @alice", { kind: "bad-argument", command: "role", argument: "role", got: "boss" }],
    ["/role sme", { kind: "missing-argument", command: "role", argument: "handle" }],
    ["/note", { kind: "missing-argument", command: "note", argument: "text" }],
    ["/note at 14:23", { kind: "missing-argument", command: "note", argument: "text" }],
    ["/note at 25:00 too late", { kind: "bad-argument", command: "note", argument: "time", got: "25:00" }],
    ["/note at 14:60 x", { kind: "bad-argument", command: "note", argument: "time", got: "14:60" }],
    ["/note at 13pm x", { kind: "bad-argument", command: "note", argument: "time", got: "13pm" }],
    [
      "/note at 2026-02-04 10:00 tomorrow's news",
      { kind: "bad-argument", command: "note", argument: "time", got: "2026-02-04 10:00" },
    ],
    ["/started", { kind: "missing-argument", command: "started", argument: "time" }],
    ["/started at", { kind: "missing-argument", command: "started", argument: "time" }],
    ["/started yesterday", { kind: "bad-argument", command: "started", argument: "time", got: "yesterday" }],
    [
      "/started at 2026-02-30 14:00",
      { kind: "bad-argument", command: "started", argument: "time", got: "2026-02-30" },
    ],
    [
      "/started at 14:00 after the deploy",
      { kind: "bad-argument", argument: "extra text", got: "after the deploy" },
    ],
    ["/detected soon", { kind: "bad-argument", command: "detected", argument: "time", got: "soon" }],
    ["/update", { kind: "missing-argument", command: "update", argument: "text" }],
    ["/timeline now", { kind: "bad-argument", command: "timeline", argument: "extra text", got: "now" }],
    ["/help me", { kind: "bad-argument", command: "help", argument: "extra text", got: "me" }],
  ])("%s", (line, expected) => {
    expect(errorOf(line)).toMatchObject(expected);
  });
});
