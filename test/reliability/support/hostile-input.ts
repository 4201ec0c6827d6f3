import fc from "fast-check";
import { COMMANDS } from "../../../src/commands/index.js";

/**
 * Comment bodies people (and attackers) might post: commands, nested and malformed
 * commands, Markdown and HTML, Handlebars syntax, mass and team mentions, forged
 * markers, unicode, and bodies at GitHub's size limit.
 */
const FRAGMENTS = [
  ...COMMANDS.flatMap((command) => [`/${command.name}`, command.example]),
  "/note /note /ack",
  "//ack",
  "/ack/ack",
  "/note at 99:99 nope",
  "/severity SEV-9 because",
  "/status",
  "/ic @everyone",
  "/ic @here",
  "/role sme @acme/everyone",
  "/lead @acme/eng-managers",
  "/note cc @everyone @here @acme/all @bob",
  "/update @channel please read",
  "@everyone",
  "@acme/security",
  "@mallory",
  "{{marker}}",
  "{{{body}}}",
  "{{#each lines}}{{this}}{{/each}}",
  "{{> timeline}}",
  "{{constructor.constructor 'return process'}}",
  "<!-- incident-app:timeline hash=deadbeef -->",
  "<!-- incident-app:declaration id=INC-20990101-999 -->",
  "<!-- incident-app:reply key=outsider:mallory -->",
  "<!-- incident-app:config-error hash=0 -->",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<details><summary>x</summary>",
  "</table></details>",
  "| a | b |\n|---|---|",
  "```",
  "~~~",
  "    /ack",
  "> /resolve quoted",
  "<!--",
  "-->",
  "`",
  "\\",
  "\u200b",
  "\u202e",
  "𝕴𝖓𝖈𝖎𝖉𝖊𝖓𝖙",
  "🔥🚒",
  "\r\n",
  "\n",
  " ",
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: "binary" }) },
);

const composed = fc
  .tuple(fc.array(piece, { maxLength: 40 }), fc.constantFrom(" ", "\n", "\n\n"))
  .map(([parts, separator]) => parts.join(separator));

/** Near and over GitHub's limit: the app must neither crash nor echo it whole. */
const huge = fc
  .tuple(
    fc.constantFrom("/note ", "/update ", "/ack ", "x", "/stauts "),
    fc.integer({ min: 1_000, max: 65_536 }),
  )
  .map(([head, length]) => `${head}${"a".repeat(length - head.length)}`);

/** Many command lines, to reach the per-comment cap. */
const dense = fc
  .array(fc.constantFrom(...COMMANDS.map((command) => command.example), "/role sme @p1", "/note n"), {
    minLength: 15,
    maxLength: 30,
  })
  .map((lines) => lines.join("\n"));

export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: composed },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: dense },
);

export type Author = { login: string; kind: "User" | "Bot"; association: "MEMBER" | "NONE" | "OWNER" };

export const AUTHORS: Author[] = [
  { login: "alice", kind: "User", association: "MEMBER" },
  { login: "bob", kind: "User", association: "OWNER" },
  { login: "carol", kind: "User", association: "MEMBER" },
  { login: "mallory", kind: "User", association: "NONE" },
  { login: "ci-helper[bot]", kind: "Bot", association: "NONE" },
];

/**
 * Mentions GitHub would notify for: `@login` or `@org/team` after a non-word
 * character, outside code spans and fenced blocks (a zero-width space after `@` stops it).
 */
export function notifiedMentions(markdown: string): string[] {
  const found: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (opening !== undefined && opening[0] === fence[0] && line.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (opening !== undefined) {
      fence = opening;
      continue;
    }
    const prose = line.replace(/(`+)[\s\S]*?\1/g, " ");
    // A team's slug never ends with a full stop: `@acme/everyone.` ends a sentence, as GitHub reads it.
    for (const match of prose.matchAll(
      /(?:^|[^\w`@/])@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9](?:[\w.-]*[\w-])?)?)/g,
    ))
      found.push((match[1] ?? "").toLowerCase());
  }
  return found;
}
