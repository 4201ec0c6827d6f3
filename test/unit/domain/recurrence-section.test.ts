import { describe, expect, it } from "vitest";
import { recurrenceFrom, wrapRecurrence } from "../../../src/kernel/recurrence-section.js";

describe("the declaration's recurrence note, copied into the review", () => {
  it("reads back what was wrapped, and nothing from a declaration without one", () => {
    const note = "🔁 **Recurrence:** an earlier incident on the same service\n- [#3](u) Search down";
    expect(recurrenceFrom(`🚨 **Incident declared**\n\n${wrapRecurrence(note)}\n\n**Targets**`)).toBe(note);
    expect(recurrenceFrom("🚨 **Incident declared**\n\n**Targets**")).toBeNull();
    expect(recurrenceFrom(null)).toBeNull();
  });
});
