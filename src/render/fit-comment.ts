/**
 * GitHub refuses comment bodies over 65,536 characters, and a refused write would fail
 * the event again on every retry. Every message is built to stay well under it; this is
 * the last resort for anything that still does not fit: cut at a line, and say so.
 */
export const COMMENT_LIMIT = 65_536;
export const SHORTENED_NOTE = "\n\n_…shortened to fit GitHub's 65,536-character limit._\n";

export function fitComment(body: string): string {
  if (body.length <= COMMENT_LIMIT) return body;
  let cut = body.slice(0, COMMENT_LIMIT - SHORTENED_NOTE.length);
  const lineEnd = cut.lastIndexOf("\n");
  if (lineEnd > COMMENT_LIMIT / 2) cut = cut.slice(0, lineEnd);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${SHORTENED_NOTE}`;
}
