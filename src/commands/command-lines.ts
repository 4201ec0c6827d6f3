/**
 * Finds the lines of a comment that are commands: a `/word` first on its line,
 * outside fenced and indented code, block quotes and HTML comments, the way
 * GitHub's Markdown would show them.
 */

export interface CommandLine {
  /** 1-based line number in the comment body. */
  readonly line: number;
  /** The line as typed, trimmed. */
  readonly raw: string;
  /** The word after `/`, as typed. */
  readonly word: string;
  /** The rest of the line with HTML comments removed, trimmed. */
  readonly args: string;
}

interface Fence {
  readonly char: string;
  readonly length: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const COMMAND = /^\/([A-Za-z][A-Za-z-]*)(?:\s+([\s\S]*))?$/;

function openingFence(text: string): Fence | null {
  const match = FENCE_OPEN.exec(text);
  const marks = match?.[1];
  if (marks === undefined) return null;
  const char = marks[0] ?? "`";
  // A backtick "fence" with a backtick after it is inline code: ```like this```.
  if (char === "`" && (match?.[2] ?? "").includes("`")) return null;
  return { char, length: marks.length };
}

function closesFence(text: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
  const marks = match?.[1];
  return marks !== undefined && marks[0] === fence.char && marks.length >= fence.length;
}

/** Columns of leading whitespace, a tab reaching the next multiple of four. */
function indentation(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (char === " ") columns += 1;
    else if (char === "\t") columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

interface Run {
  readonly start: number;
  readonly end: number;
  /** Index of the next run of the same length: where an inline code span closes. */
  closer: number;
}

function backtickRuns(text: string): Run[] {
  const runs: Run[] = [...text.matchAll(/`+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    closer: -1,
  }));
  const lastOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k -= 1) {
    const run = runs[k] as Run;
    run.closer = lastOfLength.get(run.end - run.start) ?? -1;
    lastOfLength.set(run.end - run.start, k);
  }
  return runs;
}

/**
 * The line without its HTML comments, and whether one is still open at its end.
 * `<!--` inside an inline code span is text, not a comment. Linear in the line.
 */
function withoutComments(text: string): { visible: string; open: boolean } {
  const runs = backtickRuns(text);
  let visible = "";
  let index = 0;
  let k = 0;
  let comment = text.indexOf("<!--");
  while (index < text.length) {
    while (k < runs.length && (runs[k] as Run).start < index) k += 1;
    if (comment >= 0 && comment < index) comment = text.indexOf("<!--", index);
    const run = runs[k];
    if (run !== undefined && (comment < 0 || run.start < comment)) {
      const next = runs[run.closer]?.end ?? run.end;
      visible += text.slice(index, next);
      index = next;
    } else if (comment >= 0) {
      visible += text.slice(index, comment);
      const end = text.indexOf("-->", comment + 4);
      if (end < 0) return { visible, open: true };
      index = end + 3;
    } else {
      visible += text.slice(index);
      index = text.length;
    }
  }
  return { visible, open: false };
}

/**
 * A line whose first visible character is `/`: no command without one, and most long
 * comments have none. Spaces only up to the line's end, so the test stays linear.
 */
const MAY_COMMAND = /^[^\S\r\n\u2028\u2029]*\//m;

export function findCommandLines(body: string): CommandLine[] {
  const found: CommandLine[] = [];
  if (!MAY_COMMAND.test(body)) return found;
  let fence: Fence | null = null;
  let inComment = false;
  let inIndentedCode = false;
  let afterBlank = true;
  const lines = body.split(/\r\n|\r|\n/);
  lines.forEach((text, index) => {
    const blank = text.trim() === "";
    const wasAfterBlank = afterBlank;
    afterBlank = blank;
    if (fence !== null) {
      if (closesFence(text, fence)) fence = null;
      afterBlank = false;
      return;
    }
    if (inComment) {
      const end = text.indexOf("-->");
      if (end >= 0) inComment = withoutComments(text.slice(end + 3)).open;
      afterBlank = false;
      return;
    }
    if (blank) return;
    if (indentation(text) >= 4 && (inIndentedCode || wasAfterBlank)) {
      inIndentedCode = true;
      return;
    }
    inIndentedCode = false;
    fence = openingFence(text);
    if (fence !== null || /^\s*>/.test(text)) return;
    const { visible, open } = withoutComments(text);
    inComment = open;
    const match = COMMAND.exec(visible.trim());
    if (match === null || !text.trimStart().startsWith("/")) return;
    found.push({ line: index + 1, raw: text.trim(), word: match[1] ?? "", args: (match[2] ?? "").trim() });
  });
  return found;
}
