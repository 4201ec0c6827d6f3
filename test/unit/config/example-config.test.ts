import { readFile } from "node:fs/promises";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { CONFIG_DOC_FILES, configJsonSchema } from "../../../src/config/config-docs.js";
import { configReferenceRows } from "../../../src/config/config-reference.js";
import { parseConfigText } from "../../../src/config/parse-config-text.js";
import { ConfigSchema } from "../../../src/config/schema.js";

const text = await readFile(new URL(`../../../${CONFIG_DOC_FILES.example}`, import.meta.url), "utf8");
const DEFAULTS = ConfigSchema.parse({});

describe("examples/incident.yml", () => {
  const result = parseConfigText(text, CONFIG_DOC_FILES.example);

  it("is a valid configuration", () => {
    expect(result.ok ? [] : result.error.problems).toEqual([]);
  });

  it("restates the defaults exactly where it shows them", () => {
    if (!result.ok) throw new Error("invalid example");
    const { config } = result;
    expect(config.labels).toEqual(DEFAULTS.labels);
    expect(config.severities).toEqual(DEFAULTS.severities);
    expect(config.statuses).toEqual(DEFAULTS.statuses);
    expect(config.mitigatedStatus).toBe(DEFAULTS.mitigatedStatus);
    expect(config.permissions).toEqual(DEFAULTS.permissions);
    expect(config.onCall.primary).toEqual(DEFAULTS.onCall.primary);
    expect(config.onCall.secondary).toEqual(DEFAULTS.onCall.secondary);
    expect(config.onCall.rotation?.every).toBe(604_800_000);
    expect(config.recentChanges).toEqual(DEFAULTS.recentChanges);
    expect(config.timeZone).toBe(DEFAULTS.timeZone);
    // Without the line, the second severity is the default.
    expect(config.defaultSeverity).toBe(DEFAULTS.severities[1]?.name);
  });

  it("shows every option of the schema (`_extends` as a comment)", () => {
    const raw = load(text);
    const missing = configReferenceRows(configJsonSchema())
      .map((row) => row.path)
      .filter((path) => !hasOption(raw, path.split(".")));
    expect(missing).toEqual(["_extends"]);
    expect(text).toMatch(/^# _extends: /m);
  });
});

/** Whether `value` has the option at `segments` (`severities[]`: in some element; `<name>`: in some entry). */
function hasOption(value: unknown, segments: readonly string[]): boolean {
  const [segment, ...rest] = segments;
  if (segment === undefined) return value !== undefined;
  if (typeof value !== "object" || value === null) return false;
  if (segment === "<name>") return Object.values(value).some((entry) => hasOption(entry, rest));
  const key = segment.replace(/\[\]$/, "");
  if (!Object.hasOwn(value, key)) return false;
  const child: unknown = (value as Record<string, unknown>)[key];
  if (!segment.endsWith("[]")) return hasOption(child, rest);
  return Array.isArray(child) && child.some((element) => hasOption(element, rest));
}
