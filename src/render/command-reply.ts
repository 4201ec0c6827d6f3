import type { Templates } from "./renderer.js";

/**
 * The frame of every reply to a command (`command-reply.md.hbs`): one line, or an
 * intro and a list, and an optional footer. Every room answers commands through it.
 */
export function replyMessage(
  templates: Templates,
  marker: string,
  lines: string[],
  intro: string,
  footer: string | null = null,
): string {
  return templates.render("command-reply", {
    marker,
    single: lines.length === 1 && !intro,
    first: lines[0] ?? "",
    intro,
    lines,
    footer,
  });
}
