import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES } from "../../../src/render/template-names.js";

/** docs/templates.md names every template a repo can override, with every field the built-in one uses. */
const root = new URL("../../../", import.meta.url);
const docs = readFileSync(new URL("docs/templates.md", root), "utf8");
const KEYWORDS = new Set(["if", "each", "else", "this", "unless", "with", "eq", "join"]);

function fieldsUsed(name: string): string[] {
  const source = readFileSync(new URL(`templates/${name}.md.hbs`, root), "utf8");
  const names = [...source.matchAll(/\{\{[#/]?\s*([A-Za-z][\w]*)/g)].map((match) => match[1] ?? "");
  return [...new Set(names)].filter((field) => !KEYWORDS.has(field));
}

describe("docs/templates.md", () => {
  it.each(TEMPLATE_NAMES.filter((name) => name !== "config-error"))("documents %s and its fields", (name) => {
    const row = docs.split("\n").find((line) => line.startsWith(`| \`${name}.md.hbs\``));
    expect(row, `a row for ${name}.md.hbs`).toBeDefined();
    for (const field of fieldsUsed(name)) expect(row, `${name}: ${field}`).toContain(`\`${field}\``);
  });
});
