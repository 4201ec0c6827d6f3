/**
 * Text people typed, made safe to place inside the app's Markdown: it cannot open
 * HTML (or a forged marker), break a table row, or mention anyone.
 */
const ZERO_WIDTH_SPACE = "\u200b";

export function inline(text: string, maxLength = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const short = flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
  return tableCell(neutralise(short));
}

/** A pipe ends a table cell even inside backticks on GitHub; escaped, it shows as `|`. */
export function tableCell(text: string): string {
  return text.replace(/(?<!\\)\|/g, "\\|");
}

export function block(text: string, maxLength = 4000): string {
  const short = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  return neutralise(short.trim());
}

/** No HTML, no mentions, no Handlebars-looking braces that could confuse a reader. */
export function neutralise(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`);
}

export function mention(handle: string): string {
  return `@${handle.replace(/^@/, "")}`;
}

/** People as mentions, at most `limit` of them (a role can collect hundreds of SMEs). */
export function mentionList(handles: readonly string[], limit = 20): string {
  const shown = handles.slice(0, limit).map(mention).join(", ");
  return handles.length > limit ? `${shown} and ${handles.length - limit} more` : shown;
}
