/**
 * What a person typed in Slack: the text of `/incident …`, or a channel message whose
 * lines start with the command prefix (`!ack`). Slack keeps `/` at the start of a
 * message for its own slash commands, hence the prefix. Commands become the lines
 * people would type on GitHub (`/ack`); the GitHub parser judges them there.
 */

export type SlackCommand =
  | { kind: "declare"; severity: string; title: string }
  | { kind: "declare-usage" }
  | { kind: "help" }
  | { kind: "empty" }
  | { kind: "commands"; lines: string[] };

/** `/incident declare SEV-2 Checkout down`, `/incident ack`, `/incident note db is back`. */
export function parseSlashText(text: string): SlackCommand {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const first = lines[0];
  // `/incident` alone asks what it can do.
  if (first === undefined) return { kind: "help" };
  const [word = "", ...rest] = first.split(/\s+/);
  const name = word.replace(/^[/!]/, "").toLowerCase();
  if (name === "help") return { kind: "help" };
  if (name === "declare") return parseDeclare(rest, lines.slice(1));
  return { kind: "commands", lines: [`/${first.replace(/^[/!]/, "")}`, ...lines.slice(1)] };
}

/** The command lines of a channel message (other lines are talk); none → `empty`. */
export function parseChannelMessage(text: string, prefix: string): SlackCommand {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line.length > prefix.length && line.startsWith(prefix) && /^\w/.test(line.slice(prefix.length)),
    )
    .map((line) => `/${line.slice(prefix.length)}`);
  if (lines.length === 0) return { kind: "empty" };
  if (lines.length === 1) {
    const [word = "", ...rest] = (lines[0] as string).slice(1).split(/\s+/);
    if (word.toLowerCase() === "help") return { kind: "help" };
    if (word.toLowerCase() === "declare") return parseDeclare(rest, []);
  }
  return { kind: "commands", lines };
}

function parseDeclare(words: string[], moreLines: string[]): SlackCommand {
  const [severity, ...title] = words;
  if (severity === undefined || title.length === 0) return { kind: "declare-usage" };
  return { kind: "declare", severity, title: [title.join(" "), ...moreLines].join(" ").trim() };
}
