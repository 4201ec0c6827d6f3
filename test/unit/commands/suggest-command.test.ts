import { describe, expect, it } from "vitest";
import { suggestCommand } from "../../../src/commands/index.js";
import { editDistance } from "../../../src/commands/suggest-command.js";
import { errorOf } from "./context.js";

describe("did you mean", () => {
  it.each<[string, string | null]>([
    ["stauts", "status"],
    ["ak", "ack"],
    ["ackk", "ack"],
    ["sevrity", "severity"],
    ["severty", "severity"],
    ["sve", "sev"],
    ["declar", "declare"],
    ["delcare", "declare"],
    ["timelime", "timeline"],
    ["mitigate", "mitigated"],
    ["resolv", "resolve"],
    ["updte", "update"],
    ["hotifx", "hotfix"],
    ["escal", "escalate"],
    ["acknowledged", "acknowledge"],
    ["STAUTS", "status"],
    ["go", null],
    ["xyz", null],
    ["lgtm", null],
    ["shrug", null],
    ["s", null],
    ["mitig", null],
  ])("%s → %s", (word, expected) => {
    expect(suggestCommand(word)).toBe(expected);
  });

  it("puts the suggestion on the unknown-command error", () => {
    expect(errorOf("/stauts identified")).toEqual({
      kind: "unknown-command",
      name: "stauts",
      suggestion: "status",
    });
    expect(errorOf("/Ak")).toEqual({ kind: "unknown-command", name: "Ak", suggestion: "ack" });
    expect(errorOf("/frobnicate")).toEqual({ kind: "unknown-command", name: "frobnicate", suggestion: null });
  });

  it.each<[string, string, number]>([
    ["", "", 0],
    ["ack", "ack", 0],
    ["ak", "ack", 1],
    ["stauts", "status", 1],
    ["ca", "ac", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("distance(%j, %j) = %i", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
