import { describe, expect, it } from "vitest";
import type { Command, CommandError } from "../../../src/commands/types.js";
import { commandOf, context, errorOf } from "./context.js";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

// NOW is Tuesday 2026-02-03.
describe("code and action-item commands", () => {
  it.each<[string, Command]>([
    ["/hotfix", { kind: "hotfix", from: null }],
    ["/hotfix deployed", { kind: "hotfix", from: "deployed" }],
    ["/hotfix from deployed", { kind: "hotfix", from: "deployed" }],
    ["/hotfix from main", { kind: "hotfix", from: "main" }],
    ["/hotfix from release/1.4", { kind: "hotfix", from: "release/1.4" }],
    ["/hotfix FROM v1.4.2", { kind: "hotfix", from: "v1.4.2" }],
    ["/hotfix from 3f2a9c1", { kind: "hotfix", from: "3f2a9c1" }],
    ["/revert #123", { kind: "revert", pr: 123 }],
    ["/revert 123", { kind: "revert", pr: 123 }],
    ["/revert https://github.com/acme/shop/pull/77", { kind: "revert", pr: 77, repository: "acme/shop" }],
    [
      "/revert https://github.com/acme/shop/pull/77/files",
      { kind: "revert", pr: 77, repository: "acme/shop" },
    ],
    ["/revert acme/api#12", { kind: "revert", pr: 12, repository: "acme/api" }],
    ["/pir", { kind: "pir" }],
    ["/postmortem", { kind: "pir" }],
    ["/freeze", { kind: "freeze", on: true }],
    ["/freeze on", { kind: "freeze", on: true }],
    ["/freeze off", { kind: "freeze", on: false }],
    ["/freeze OFF", { kind: "freeze", on: false }],
    [
      "/action Add retry alerting @alice due:2026-02-10 priority:high",
      {
        kind: "action",
        text: "Add retry alerting",
        owner: "alice",
        due: day("2026-02-10"),
        priority: "high",
      },
    ],
    [
      "/action Add retry alerting",
      { kind: "action", text: "Add retry alerting", owner: null, due: null, priority: null },
    ],
    [
      "/action priority:p2 Add retry alerting due:+1w",
      { kind: "action", text: "Add retry alerting", owner: null, due: day("2026-02-10"), priority: "medium" },
    ],
    [
      "/action Ask @bob about retries due: friday @carol",
      {
        kind: "action",
        text: "Ask @bob about retries",
        owner: "carol",
        due: day("2026-02-06"),
        priority: null,
      },
    ],
    [
      "/action Write runbook due:next monday priority:P3 owner:@org/sre",
      { kind: "action", text: "Write runbook", owner: "org/sre", due: day("2026-02-09"), priority: "low" },
    ],
    [
      "/action Rotate keys @me DUE:tomorrow",
      { kind: "action", text: "Rotate keys", owner: "me", due: day("2026-02-04"), priority: null },
    ],
    ["/due 2026-03-01", { kind: "due", due: day("2026-03-01") }],
    ["/due next monday", { kind: "due", due: day("2026-02-09") }],
    ["/due +3d", { kind: "due", due: day("2026-02-06") }],
    ["/owner @alice", { kind: "owner", handle: "alice" }],
    ["/owner me", { kind: "owner", handle: "me" }],
    ["/priority high", { kind: "priority", priority: "high" }],
    ["/priority Medium", { kind: "priority", priority: "medium" }],
    ["/priority p3", { kind: "priority", priority: "low" }],
    ["/metrics", { kind: "metrics" }],
    ["/incidents", { kind: "incidents" }],
    ["/INCIDENTS", { kind: "incidents" }],
  ])("%s", (line, expected) => {
    expect(commandOf(line)).toEqual(expected);
  });

  it("keeps a PR of the incident's own repository as #N, and names another repository", () => {
    const ctx = context({ repository: "Acme/Shop" });
    expect(commandOf("/revert https://github.com/acme/shop/pull/5", ctx)).toEqual({ kind: "revert", pr: 5 });
    expect(commandOf("/revert acme/shop#5", ctx)).toEqual({ kind: "revert", pr: 5 });
    expect(commandOf("/revert https://github.com/other/repo/pull/5", ctx)).toEqual({
      kind: "revert",
      pr: 5,
      repository: "other/repo",
    });
  });
});

describe("code and action-item command errors", () => {
  it.each<[string, Partial<CommandError>]>([
    ["/hotfix main", { kind: "bad-argument", command: "hotfix", argument: "source", got: "main" }],
    ["/hotfix from", { kind: "missing-argument", command: "hotfix", argument: "ref" }],
    ["/hotfix from a..b", { kind: "bad-argument", command: "hotfix", argument: "ref", got: "a..b" }],
    ["/hotfix from -rf", { kind: "bad-argument", command: "hotfix", argument: "ref", got: "-rf" }],
    ["/hotfix from x.lock", { kind: "bad-argument", command: "hotfix", argument: "ref", got: "x.lock" }],
    [
      "/hotfix from main now",
      { kind: "bad-argument", command: "hotfix", argument: "extra text", got: "now" },
    ],
    ["/hotfix deployed now", { kind: "bad-argument", command: "hotfix", argument: "extra text", got: "now" }],
    ["/revert", { kind: "missing-argument", command: "revert", argument: "pull request" }],
    ["/revert #0", { kind: "bad-argument", command: "revert", argument: "pull request", got: "#0" }],
    ["/revert abc", { kind: "bad-argument", command: "revert", argument: "pull request", got: "abc" }],
    [
      "/revert https://github.com/acme/shop/issues/7",
      { kind: "bad-argument", argument: "pull request", got: "https://github.com/acme/shop/issues/7" },
    ],
    ["/revert #12 broke checkout", { kind: "bad-argument", argument: "extra text", got: "broke checkout" }],
    ["/freeze maybe", { kind: "bad-argument", command: "freeze", argument: "setting", got: "maybe" }],
    ["/freeze off now", { kind: "bad-argument", command: "freeze", argument: "extra text", got: "now" }],
    ["/pir please", { kind: "bad-argument", command: "pir", argument: "extra text", got: "please" }],
    ["/metrics weekly", { kind: "bad-argument", command: "metrics", argument: "extra text", got: "weekly" }],
    ["/incidents open", { kind: "bad-argument", command: "incidents", argument: "extra text", got: "open" }],
    ["/action", { kind: "missing-argument", command: "action", argument: "text" }],
    ["/action @alice due:tomorrow", { kind: "missing-argument", command: "action", argument: "text" }],
    [
      "/action Fix it due:2026-02-30",
      { kind: "bad-argument", command: "action", argument: "due", got: "2026-02-30" },
    ],
    [
      "/action Fix it due:someday",
      { kind: "bad-argument", command: "action", argument: "due", got: "someday" },
    ],
    ["/action Fix it priority:urgent", { kind: "bad-argument", argument: "priority", got: "urgent" }],
    ["/action Fix it owner:#1", { kind: "bad-argument", argument: "owner", got: "#1" }],
    ["/action Fix it @alice @bob", { kind: "bad-argument", argument: "owner", got: "@alice @bob" }],
    ["/action Fix it @alice owner:bob", { kind: "bad-argument", argument: "owner", got: "@alice" }],
    ["/action Fix it due:+1d due:+2d", { kind: "bad-argument", argument: "due", got: "due:+2d" }],
    ["/due", { kind: "missing-argument", command: "due", argument: "date" }],
    ["/due 2026-02-30", { kind: "bad-argument", command: "due", argument: "date", got: "2026-02-30" }],
    ["/due next month", { kind: "bad-argument", command: "due", argument: "date", got: "next month" }],
    ["/owner", { kind: "missing-argument", command: "owner", argument: "handle" }],
    ["/owner @alice @bob", { kind: "bad-argument", command: "owner", argument: "extra text", got: "@bob" }],
    ["/priority", { kind: "missing-argument", command: "priority", argument: "priority" }],
    ["/priority urgent", { kind: "bad-argument", command: "priority", argument: "priority", got: "urgent" }],
    ["/priority high now", { kind: "bad-argument", command: "priority", argument: "extra text", got: "now" }],
  ])("%s", (line, expected) => {
    expect(errorOf(line)).toMatchObject(expected);
  });
});
