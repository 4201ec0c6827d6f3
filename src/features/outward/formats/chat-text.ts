/**
 * Plain text made safe for a chat format: it cannot break the format's syntax or
 * open links people did not type, and it fits the format's limits. Pings need each
 * format's own syntax (`<!channel>` in Slack, `<@id>` in Discord, mention entities in
 * Teams), which the escaping rules out; Discord's `allowed_mentions` is also none.
 * Teams cards show text as it is.
 */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Slack's mrkdwn: `&`, `<` and `>` are its control characters (`<!channel>`, `<url|text>`). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text of a Slack link (`<url|text>`), where `|` would end the address. */
export function slackLinkText(text: string): string {
  return slackEscape(text).replace(/\|/g, "∣");
}

/** Discord's Markdown: emphasis, links and mention syntax (`<@id>`) stay literal text. */
export function discordEscape(text: string): string {
  return text.replace(/([*_~`|\\[\]<>])/g, "\\$1");
}
