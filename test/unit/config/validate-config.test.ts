import { describe, expect, it } from "vitest";
import { validateConfig } from "../../../src/config/validate-config.js";

/**
 * A sweep pass validates the config of every repository it visits, most of them the
 * same text: a valid config is kept by its text and shared; anything JSON cannot tell
 * apart is validated every time.
 */
describe("validateConfig", () => {
  it("gives the same valid config for the same document, without validating it again", () => {
    const first = validateConfig({ _extends: undefined, timeZone: "Europe/Paris" }, "a.yml");
    const again = validateConfig({ timeZone: "Europe/Paris" }, "b.yml");
    const other = validateConfig({ timeZone: "Asia/Tokyo" }, "c.yml");
    expect(first.ok && again.ok && other.ok).toBe(true);
    // `undefined` is not plain JSON: the first one was validated on its own and not kept.
    if (!first.ok || !again.ok || !other.ok) return;
    expect(again.config).toEqual(first.config);
    expect(validateConfig({ timeZone: "Europe/Paris" }, "d.yml")).toEqual(again);
    expect((validateConfig({ timeZone: "Europe/Paris" }, "d.yml") as typeof again).config).toBe(again.config);
    expect(other.config).not.toEqual(again.config);
  });

  it("still names every problem of an invalid document, each time, in the file given", () => {
    const once = validateConfig({ timeZone: 7 }, "one.yml");
    const twice = validateConfig({ timeZone: 7 }, "two.yml");
    expect(once.ok || twice.ok).toBe(false);
    if (once.ok || twice.ok) return;
    expect(once.error.file).toBe("one.yml");
    expect(twice.error.file).toBe("two.yml");
  });

  it("validates a document holding a date (a YAML timestamp) on its own, not by its JSON text", () => {
    const text = "2026-01-01T00:00:00.000Z";
    // A label may be any text: the string is valid, and kept.
    expect(validateConfig({ labels: { incident: text } }, "x.yml").ok).toBe(true);
    // A date whose JSON is that same text is not a string: still refused.
    expect(validateConfig({ labels: { incident: new Date(text) } }, "x.yml").ok).toBe(false);
  });
});
