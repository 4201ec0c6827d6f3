import { markdownTable, tableCells } from "../render/markdown-table.js";
import { COMMANDS, renderCommandReference } from "./command-table.js";

/**
 * `docs/commands.md`, generated from the command table so the reference, `/help`
 * and the parser cannot disagree. `scripts/generate-command-docs.ts` writes it; a
 * test regenerates it in memory and fails when the committed file differs.
 */
export const COMMAND_DOCS_FILE = "docs/commands.md";
export const REGENERATE_COMMAND_DOCS = "npx tsx scripts/generate-command-docs.ts";

export function renderCommandDocs(): string {
  const [header = "", , ...rows] = renderCommandReference().split("\n");
  const reference = markdownTable(tableCells(header), rows.map(tableCells));
  const examples = COMMANDS.filter(
    (command) => command.available && command.example !== `/${command.name}`,
  ).map((command) => [`\`/${command.name}\``, `\`${command.example}\``]);
  return [
    "# Commands",
    "",
    `<!-- Generated from src/commands/command-table.ts by \`${REGENERATE_COMMAND_DOCS}\`. Edit the table, not this file. -->`,
    "",
    "People run an incident by writing commands in comments on its issue. A command is a line that",
    "starts with `/`; one comment may hold several, one per line. Lines inside code blocks, quotes and",
    "HTML comments are not commands, so pasting logs or quoting someone never runs anything.",
    "",
    "- **Who.** Accounts whose association with the repository is allowed by `permissions.commands` in",
    "  `.github/incident.yml` (default: owners, members and collaborators). Anyone else gets one polite",
    "  reply, and nothing changes. Bots, the app included, are ignored.",
    "- **Answers.** The app reacts 👀 to a comment whose commands it applied, and 😕 with one reply",
    "  naming the command, the problem and the form it expects when one was not. Unknown commands get",
    '  "did you mean". Nothing a person typed is dropped silently.',
    "- **Editing and deleting.** Editing a comment re-evaluates its commands; deleting a `/note` removes",
    "  it from the timeline.",
    "- **Times** are wall times in the repository's `timeZone` (UTC unless configured): `14:23`,",
    "  `2:23pm`, `2026-02-03 14:23`, or with a zone: `14:23 UTC`, `2026-02-03T14:23Z`. A bare time is",
    "  today's, or yesterday's when today's would be in the future. **Dates** (due dates): `2026-02-05`,",
    "  `+3d`, `+2w`, `today`, `tomorrow`, `friday`, `next monday`.",
    "- Commands marked _(coming soon)_ are understood but not built yet: they get a reply saying so",
    "  (and `/help` lists them apart).",
    "",
    "## Reference",
    "",
    ...reference,
    "",
    "## Examples",
    "",
    ...markdownTable(["Command", "Example"], examples),
    "",
  ].join("\n");
}
