/**
 * The one table of slash commands: names, aliases, syntax, what each does. It
 * drives the parser's dispatch, "did you mean", `/help` and the commands reference.
 */
import { type CommandCategory, type CommandSpec, spec } from "./command-spec.js";

export type { CommandCategory, CommandSpec } from "./command-spec.js";

const TABLE = [
  spec(
    "declare",
    "incident",
    "/declare [sev] [title]",
    "Declare this issue an incident.",
    "/declare SEV-2 Checkout errors",
  ),
  spec("ack", "incident", "/ack [text]", "Acknowledge; assigns you as IC if there is none.", "/ack", {
    aliases: ["acknowledge"],
  }),
  spec(
    "severity",
    "incident",
    "/severity <sev> [reason]",
    "Change severity; text after it is the reason.",
    "/severity SEV-2",
    {
      aliases: ["sev"],
    },
  ),
  spec(
    "status",
    "incident",
    "/status <status> [text] or /status public <state> <text>",
    "Change status (a unique prefix is enough); `public` publishes a customer-facing update (investigating, identified, monitoring, resolved) to the status page.",
    "/status identified",
  ),
  spec("identified", "incident", "/identified [text]", "Shorthand for `/status identified`.", "/identified"),
  spec("mitigating", "incident", "/mitigating [text]", "Shorthand for `/status mitigating`.", "/mitigating"),
  spec(
    "mitigated",
    "incident",
    "/mitigated [text]",
    "Impact is mitigated and we are watching: sets the mitigated status (`monitoring` by default).",
    "/mitigated",
  ),
  spec("monitoring", "incident", "/monitoring [text]", "Shorthand for `/status monitoring`.", "/monitoring"),
  spec("ic", "incident", "/ic <@user|me>", "Set the incident commander (assigned to the issue).", "/ic me"),
  spec("lead", "incident", "/lead <@user|me>", "Set the tech lead.", "/lead @alice"),
  spec(
    "comms",
    "incident",
    "/comms <@user|me> or /comms draft",
    "Set the comms lead, or draft a customer update.",
    "/comms draft",
  ),
  spec("scribe", "incident", "/scribe <@user|me>", "Set the scribe.", "/scribe @alice"),
  spec(
    "role",
    "incident",
    "/role <ic|lead|comms|scribe|sme> <@user|me>",
    "Set any role, e.g. a subject-matter expert.",
    "/role sme @alice",
  ),
  spec(
    "note",
    "incident",
    "/note [at <time>] <text>",
    "Add a timeline entry, back-dated with `at`.",
    "/note at 14:23 Error rate spiked",
  ),
  spec("started", "incident", "/started [at] <time>", "Record when impact started.", "/started at 14:05"),
  spec(
    "detected",
    "incident",
    "/detected [at] <time>",
    "Record when the incident was detected.",
    "/detected at 14:12",
  ),
  spec(
    "update",
    "incident",
    "/update <text>",
    "Post a status update; resets the update clock.",
    "/update Rolled back; errors are falling",
  ),
  spec(
    "resolve",
    "incident",
    "/resolve [summary]",
    "Resolve and close the incident.",
    "/resolve Bad deploy rolled back",
    {
      aliases: ["resolved"],
    },
  ),
  spec(
    "reopen",
    "incident",
    "/reopen [reason]",
    "Reopen: back to the first status.",
    "/reopen Errors are back",
  ),
  spec(
    "false-positive",
    "incident",
    "/false-positive [reason]",
    "Not an incident after all: closes it as not planned; left out of the metrics and counted as a false positive.",
    "/false-positive The alert threshold was wrong",
    { aliases: ["not-an-incident"] },
  ),
  spec(
    "security",
    "incident",
    "/security",
    "Mark this as a security incident: top severity, nothing on public surfaces; in a public repository it moves to the private `security.repository`. The `security` label does the same.",
    "/security",
  ),
  spec(
    "move",
    "incident",
    "/move [owner/repo]",
    "Move this incident to the incidents repository (`organisation.repository`, the default) or the security repository, with its comments and timeline; a closed pointer issue stays here.",
    "/move acme/incidents",
  ),
  spec(
    "drill",
    "incident",
    "/drill",
    "Run this incident as a drill (game day): everything works, but nothing is paged, published to the status page or sent to chat; the report counts it apart. The `drill` label does the same.",
    "/drill",
    { aliases: ["game-day"] },
  ),
  spec(
    "escalate",
    "incident",
    "/escalate [note]",
    "Notify the next escalation level now.",
    "/escalate Need database help",
  ),
  spec(
    "page",
    "incident",
    "/page <@user|primary|secondary|service> [message]",
    "Page someone now through the paging service (PagerDuty or Opsgenie).",
    "/page @bob need database help",
  ),
  spec("timeline", "incident", "/timeline", "Rebuild the timeline comment.", "/timeline"),
  spec(
    "hotfix",
    "code",
    "/hotfix [owner/repo] [from <ref>|deployed]",
    "Create the hotfix branch (from the default branch, a ref, or the last production deployment), here or in a service's repository.",
    "/hotfix from deployed",
  ),
  spec(
    "rollback",
    "code",
    "/rollback [owner/repo]",
    "Deploy again the last commit that deployed successfully to production before impact started (a new deployment your CD performs), here or in a service's repository.",
    "/rollback acme/api",
  ),
  spec(
    "revert",
    "code",
    "/revert <#PR|owner/repo#PR|PR URL>",
    "Open a revert PR of a merged PR, here or in a service's repository.",
    "/revert #123",
  ),
  spec("freeze", "code", "/freeze [on|off]", "Turn the merge freeze on (default) or off.", "/freeze off"),
  spec("pir", "code", "/pir", "Open or refresh the post-incident review PR.", "/pir", {
    aliases: ["postmortem"],
  }),
  spec(
    "action",
    "action-item",
    "/action <text> [@owner] [due:<date>] [priority:<high|medium|low>]",
    "Create a tracked action item.",
    "/action Add retry alerting @alice due:+1w priority:high",
  ),
  spec("due", "action-item", "/due <date>", "Change the due date (on an action item).", "/due 2026-03-01"),
  spec("owner", "action-item", "/owner <@user|me>", "Change the owner (on an action item).", "/owner @alice"),
  spec(
    "priority",
    "action-item",
    "/priority <high|medium|low>",
    "Change the priority (on an action item).",
    "/priority high",
  ),
  spec("help", "general", "/help", "List the commands.", "/help"),
  spec("oncall", "general", "/oncall", "Who is on call now, and who is next.", "/oncall", {
    aliases: ["on-call"],
  }),
  spec(
    "metrics",
    "general",
    "/metrics",
    "Reply with incident metrics for the last 90 days (works on any issue).",
    "/metrics",
  ),
  spec(
    "incidents",
    "general",
    "/incidents",
    "List every open incident the app can see, most severe first (works on any issue).",
    "/incidents",
  ),
] as const;

export type CommandName = (typeof TABLE)[number]["name"];

export const COMMANDS: readonly CommandSpec<CommandName>[] = TABLE;

const byWord = new Map<string, CommandSpec<CommandName>>(
  COMMANDS.flatMap((command) => [command.name, ...command.aliases].map((word) => [word, command] as const)),
);

/** The command a word (name or alias, any case, without `/`) stands for. */
export function findCommand(word: string): CommandSpec<CommandName> | undefined {
  return byWord.get(word.toLowerCase());
}

/** Every name and alias, in table order. */
export function commandWords(): string[] {
  return [...byWord.keys()];
}

const CATEGORY_TITLES: Record<CommandCategory, string> = {
  incident: "Incident",
  code: "Code",
  "action-item": "Action items",
  general: "General",
};

const cell = (text: string): string => text.replaceAll("|", "\\|");

/** The commands as a Markdown table, for `/help` and the generated reference. */
export function renderCommandReference(): string {
  const rows = COMMANDS.map((command) => {
    const aliases = command.aliases.map((alias) => `\`/${alias}\``).join(", ");
    const description = command.available ? command.description : `${command.description} _(coming soon)_`;
    const syntax = `\`${cell(command.syntax)}\``;
    return `| ${syntax} | ${aliases || "–"} | ${cell(description)} | ${CATEGORY_TITLES[command.category]} |`;
  });
  return ["| Command | Aliases | What it does | Category |", "|---|---|---|---|", ...rows].join("\n");
}
