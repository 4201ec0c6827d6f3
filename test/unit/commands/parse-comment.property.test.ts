import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMANDS, formatCommandError, parseComment } from "../../../src/commands/index.js";
import { context } from "./context.js";

const FRAGMENTS = [
  ...COMMANDS.flatMap((command) => [`/${command.name}`, command.example]),
  "/",
  "/usr/bin/env",
  "/ACK",
  "```",
  "~~~",
  "````",
  "    ",
  "\t",
  ">",
  "<!--",
  "-->",
  "`",
  "@alice",
  "@org/team",
  "me",
  "at",
  "14:23",
  "2:23pm",
  "2026-02-30",
  "2026-03-08T02:30",
  "+15:00",
  "due:",
  "priority:",
  "owner:",
  "next",
  "monday",
  "#123",
  "SEV-9",
  "P0",
  " ",
  "\n",
  "\r\n",
  "x".repeat(1001),
];

/** Comments made of command-like pieces, which reach deeper than random text. */
const commentish = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 80 }),
    fc.constantFrom(" ", "\n"),
  )
  .map(([parts, separator]) => parts.join(separator));

/** Mostly command lines, so the 20-command cap is reached often. */
const manyCommands = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...COMMANDS.map((command) => command.example)) },
      { weight: 1, arbitrary: fc.constantFrom(...FRAGMENTS) },
    ),
    { minLength: 10, maxLength: 60, size: "max" },
  )
  .map((lines) => lines.join("\n"));

const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Nowhere/Bad"];

const contexts = fc
  .record({
    now: fc.date({
      min: new Date("1990-01-01T00:00:00Z"),
      max: new Date("2100-01-01T00:00:00Z"),
      noInvalidDate: true,
    }),
    timeZone: fc.constantFrom(...ZONES),
  })
  .map(({ now, timeZone }) => context({ now, timeZone }));

const outsideCode = (markdown: string): string => markdown.replace(/(`+)[\s\S]*?\1/g, "");

describe("parseComment on any input", () => {
  it("never throws, returns at most 21 lines, in order, each a command line", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), commentish, manyCommands),
        contexts,
        (body, ctx) => {
          const parsed = parseComment(body, ctx);
          expect(parsed.length).toBeLessThanOrEqual(21);
          if (parsed.length === 21)
            expect(parsed[20]).toMatchObject({ ok: false, error: { kind: "too-many-commands" } });
          const lineCount = body.split(/\r\n|\r|\n/).length;
          let previous = 0;
          for (const line of parsed) {
            expect(line.line).toBeGreaterThan(previous);
            expect(line.line).toBeLessThanOrEqual(lineCount);
            expect(line.raw.startsWith("/")).toBe(true);
            previous = line.line;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("formats every error without throwing and without mentioning anyone", () => {
    fc.assert(
      fc.property(fc.oneof(commentish, manyCommands), contexts, (body, ctx) => {
        for (const line of parseComment(body, ctx)) {
          if (line.ok) continue;
          const message = formatCommandError(line.error);
          expect(message.length).toBeGreaterThan(0);
          expect(outsideCode(message)).not.toMatch(/@[A-Za-z0-9]/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("returns valid dates only", () => {
    fc.assert(
      fc.property(commentish, contexts, (body, ctx) => {
        for (const line of parseComment(body, ctx)) {
          if (!line.ok) continue;
          for (const value of Object.values(line.command)) {
            if (value instanceof Date) expect(Number.isNaN(value.getTime())).toBe(false);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
