import { describe, expect, it } from "vitest";
import { opsgeniePriority, pagerDutySeverity, truncateText } from "../../../src/outside/paging/page-text.js";
import { parseRetryAfter } from "../../../src/outside/paging/send-with-retries.js";

describe("truncateText", () => {
  it("leaves short text alone and ends cut text with an ellipsis within the limit", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText("0123456789abc", 10)).toBe("012345678…");
    expect(truncateText("word word word", 10)).toBe("word word…");
  });

  it("never splits a surrogate pair", () => {
    const cut = truncateText("🔥".repeat(10), 6);
    expect(cut).toBe("🔥🔥…");
    expect(cut.length).toBeLessThanOrEqual(6);
  });
});

describe("severity words", () => {
  it.each([
    [0, "high", "critical", "P1"],
    [1, "high", "error", "P2"],
    [2, "high", "warning", "P3"],
    [3, "high", "info", "P4"],
    [4, "high", "info", "P5"],
    [9, "high", "info", "P5"],
    [0, "low", "warning", "P3"],
    [3, "low", "info", "P4"],
  ] as const)("rank %i, %s urgency → %s, %s", (rank, urgency, pagerDuty, opsgenie) => {
    expect(pagerDutySeverity(rank, urgency)).toBe(pagerDuty);
    expect(opsgeniePriority(rank, urgency)).toBe(opsgenie);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-02-03T14:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 03 Feb 2026 14:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Tue, 03 Feb 2026 13:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
