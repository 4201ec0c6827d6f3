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
    ...INCIDENT_LIST_SECTION,
    "",
  ].join("\n");
}

/** What `/incidents` lists and leaves out: more than a table row can say. */
const INCIDENT_LIST_SECTION = [
  "## Open incidents: `/incidents`",
  "",
  "`/incidents` works in a comment on any issue, incident or not (not on action items, which point",
  "incident commands to their incident). The app replies once with every open incident it keeps in",
  "the repositories of its installation's account (in [organisation mode](organisation.md), all of",
  "them), as a table: the incident (id, title, and its repository when it is another), severity,",
  "status, age since declaration, incident commander, and the next deadline (the earliest of",
  "acknowledge, IC engaged, mitigate, resolve and the next update, with the time left or how late it",
  "is). Most severe first, then oldest first. Names are in code spans: listing pages nobody.",
  "",
  "- **One read.** One GraphQL search (`is:open is:issue label:<incident label> org:<account>`, or",
  "  `user:` for a personal account) returns up to 100 incidents with their histories; more pages only",
  "  past 100. The label is the one this repository's config names (`labels.incident`), and each",
  "  incident is read with this repository's config. An incident counts when the app declared it",
  "  (its id is the app's), it is open, and not resolved.",
  "- **Public repositories.** A reply in a public repository never lists a security incident, nor an",
  "  incident kept in a private repository; it says how many it left out (`🔒 1 restricted incident",
  "  not shown`). Run `/incidents` in a private repository to see them.",
  "- **Cost:** 3 requests for up to 100 incidents (measured in `test/e2e/incidents-command.test.ts`):",
  "  the issue's own history read, the search, and one batched write (👀 and the reply).",
  "- **Nothing open:** `✅ No open incidents.` **Arguments** (`/incidents open`) get 😕 and a reply saying",
  "  `/incidents` takes none.",
  "- GitHub's search index trails writes by a few seconds: an incident declared a moment ago may be",
  "  missing from the list until then.",
];
