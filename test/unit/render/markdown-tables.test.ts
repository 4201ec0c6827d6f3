import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { helpMessage } from "../../../src/features/incident/messages.js";
import { BUILT_IN_TEMPLATES } from "../../../src/render/renderer.js";
import { malformedTableRows } from "../../support/markdown-tables.js";

describe("Markdown tables the app writes", () => {
  it("finds a pipe that splits a cell, even inside backticks, and leaves escaped ones and code blocks alone", () => {
    expect(malformedTableRows("| a | b |\n|---|---|\n| `x|y` | z |")).toHaveLength(1);
    expect(malformedTableRows("| a | b |\n|---|---|\n| `x\\|y` | z |")).toEqual([]);
    expect(malformedTableRows("```\n| a | b |\n|---|---|\n| x | y | z |\n```")).toEqual([]);
  });

  it("/help's table keeps two cells a row although usages hold `|`", () => {
    const help = helpMessage(BUILT_IN_TEMPLATES, "", "alice", ConfigSchema.parse({}));
    expect(help).toContain("`/freeze [on\\|off]`");
    expect(malformedTableRows(help)).toEqual([]);
  });
});
