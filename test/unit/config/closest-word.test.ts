import { describe, expect, it } from "vitest";
import { closestWord } from "../../../src/config/closest-word.js";

describe("closestWord", () => {
  it.each([
    ["severites", ["severities", "statuses"], "severities"],
    ["MEMBERS", ["OWNER", "MEMBER"], "MEMBER"],
    ["timezone", ["timeZone"], "timeZone"],
    ["zzz", ["window"], null],
  ])("%s → %s", (word, candidates, expected) => {
    expect(closestWord(word, candidates)).toBe(expected);
  });
});
