import { describe, expect, it } from "vitest";
import {
  refreshCommitMessage,
  refreshDoneBy,
} from "../../../src/features/code-response/pir-refresh-commit.js";

describe("the review refresh commit records its command", () => {
  const change = { updated: ["Timeline (UTC)", "Code Changes"], kept: ["Root Cause"] };
  const message = refreshCommitMessage("INC-20260203-001", "pir:42:1", change);

  it("reads back the change for the same command", () => {
    expect(message.split("\n")[0]).toBe("Refresh the post-incident review of INC-20260203-001");
    expect(refreshDoneBy(message, "pir:42:1")).toEqual(change);
  });

  it("is not the answer for another command, a person's commit or no commit", () => {
    expect(refreshDoneBy(message, "pir:43:1")).toBeNull();
    expect(refreshDoneBy("Fix the root cause section", "pir:42:1")).toBeNull();
    expect(refreshDoneBy(null, "pir:42:1")).toBeNull();
  });

  it("keeps empty lists empty", () => {
    const none = refreshCommitMessage("INC-1", "pir:1:1", { updated: [], kept: [] });
    expect(refreshDoneBy(none, "pir:1:1")).toEqual({ updated: [], kept: [] });
  });
});
