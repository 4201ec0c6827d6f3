/**
 * Plain text made safe for a chat format: no way to ping a channel, open a link
 * people did not mean, or break the format's own syntax, and within its limits.
 */
const ZERO_WIDTH_SPACE = "\u200b";

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `@here`, `@channel`, `@everyone` and `@name` stay words, never pings. */
export function noPings(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`);
}

/** Slack's mrkdwn: `&`, `<` and `>` are its control characters (`<!channel>`, `<url|text>`). */
export function slackEscape(text: string): string {
  return noPings(text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}

/** Text of a Slack link (`<url|text>`), where `|` would end the address. */
export function slackLinkText(text: string): string {
  return slackEscape(text).replace(/\|/g, "∣");
}

/** Markdown-ish formats (Teams, Discord): no HTML, no pings, no emphasis people did not type. */
export function markdownSafe(text: string): string {
  return noPings(text.replace(/</g, "&lt;").replace(/>/g, "&gt;")).replace(/([*_~`|\\[\]])/g, "\\$1");
}
