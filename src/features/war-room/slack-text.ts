import { githubLoginFor, type PeopleMap } from "./people-map.js";

/**
 * Slack sends message text escaped (`&lt;`) and with its own link forms
 * (`<@U123>`, `<#C123|name>`, `<https://…|label>`); GitHub wants plain text and
 * `@login`. Mentions of unmapped people are reported, never guessed.
 */

export type DecodedText = { text: string; unknownUsers: string[] };

export function decodeSlackText(text: string, people: PeopleMap): DecodedText {
  const unknownUsers: string[] = [];
  const decoded = text.replace(/<([^<>]*)>/g, (whole, inner: string) => {
    const [target = "", label] = inner.split("|", 2);
    if (target.startsWith("@")) {
      const slackId = target.slice(1);
      const login = githubLoginFor(people, slackId);
      if (login !== null) return `@${login}`;
      if (!unknownUsers.includes(slackId)) unknownUsers.push(slackId);
      return label ? `@${label}` : whole;
    }
    if (target.startsWith("#")) return label ? `#${label}` : target;
    if (target.startsWith("!")) return target.slice(1).split("^")[0] ?? "";
    return target.startsWith("mailto:") ? (label ?? target.slice(7)) : target;
  });
  return { text: unescapeSlack(decoded), unknownUsers };
}

export function unescapeSlack(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** Slack's three escapes, for text we send. */
export function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** GitHub Markdown → Slack mrkdwn for the few forms the timeline uses: links, bold, code stays. */
export function markdownToMrkdwn(markdown: string): string {
  return escapeSlack(markdown)
    .replace(
      /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g,
      (_whole, label: string, url: string) => `<${url}|${label}>`,
    )
    .replace(/\*\*([^*]+)\*\*/g, "*$1*")
    .replace(/~~([^~]+)~~/g, "~$1~");
}

/**
 * Text relayed into a GitHub comment written by the app: a line someone typed must
 * not become one of the app's hidden markers (they are trusted in the app's comments).
 */
export function neutraliseMarkers(text: string): string {
  return text.replaceAll("<!--", "&lt;!--");
}
