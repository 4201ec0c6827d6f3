import { z } from "zod";
import { closestWord } from "./closest-word.js";
import { codeSpan } from "./code-span.js";

/**
 * Schema issues in words an on-call engineer acts on: what was expected, what was
 * found, and a guess at the intended word. Messages written in the schema are kept;
 * zod's generic ones are replaced.
 */

export type IssueProblem = { path: PropertyKey[]; message: string };

const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

export function describeIssues(issues: readonly z.core.$ZodIssue[], schema: z.core.$ZodType): IssueProblem[] {
  return issues.flatMap((issue) => describeIssue(issue, schema));
}

function describeIssue(issue: z.core.$ZodIssue, schema: z.core.$ZodType): IssueProblem[] {
  const path = issue.path;
  const own = !ZOD_DEFAULT_MESSAGE.test(issue.message);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => {
        const guess = closestWord(key, known);
        const hint = guess ? `; did you mean ${codeSpan(guess)}?` : `; known options here: ${list(known)}`;
        return { path: [...path, key], message: `unknown option${hint}` };
      });
    }
    case "invalid_type": {
      if (issue.input === undefined) return [{ path, message: "is required" }];
      const expected = path.length === 0 ? "options as `key: value` lines" : describeType(issue.expected);
      return [{ path, message: withGot(own ? issue.message : `expected ${expected}`, issue.input) }];
    }
    case "invalid_value": {
      if (issue.input === undefined) return [{ path, message: "is required" }];
      const values = issue.values.map(String);
      const guess = typeof issue.input === "string" ? closestWord(issue.input, values) : null;
      const hint = guess ? `; did you mean ${codeSpan(guess)}?` : "";
      return [{ path, message: withGot(`expected one of ${list(values)}${hint}`, issue.input) }];
    }
    case "too_small":
    case "too_big": {
      if (own) return [{ path, message: withGot(issue.message, issue.input) }];
      return [{ path, message: describeSize(issue) }];
    }
    case "invalid_format": {
      const message = own ? issue.message : (FORMAT_MESSAGES[issue.format] ?? `expected a ${issue.format}`);
      return [{ path, message: withGot(message, issue.input) }];
    }
    default:
      return [{ path, message: withGot(issue.message, issue.input) }];
  }
}

const FORMAT_MESSAGES: Record<string, string> = {
  url: "expected a URL such as https://wiki.example.com/runbooks/db",
  datetime: "expected a date and time with a zone, such as 2026-02-03T09:00:00Z",
  regex: "is not in the expected form",
};

function describeType(expected: string): string {
  switch (expected) {
    case "string":
      return "text";
    case "number":
    case "int":
      return "a number";
    case "boolean":
      return "`true` or `false`";
    case "object":
    case "record":
      return "a mapping (`key: value` lines)";
    case "array":
      return "a list (`- item` lines)";
    default:
      return expected;
  }
}

function describeSize(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const limit = Number(
    small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum,
  );
  const bound = small ? "at least" : "at most";
  if (issue.origin === "array") {
    const got = Array.isArray(issue.input) ? ` (got ${issue.input.length})` : "";
    return `needs ${bound} ${limit} ${limit === 1 ? "entry" : "entries"}${got}`;
  }
  if (issue.origin === "string") {
    return small && limit === 1 ? "must not be empty" : `must be ${bound} ${limit} characters long`;
  }
  return withGot(`must be ${bound} ${limit}`, issue.input);
}

/** Appends what was found, unless the message already quotes it. */
export function withGot(message: string, input: unknown): string {
  if (input === undefined) return message;
  if (typeof input === "string" && message.includes(codeSpan(input))) return message;
  return `${message} (got ${describeValue(input)})`;
}

export function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = String(value);
  return codeSpan(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

function list(words: readonly string[]): string {
  return words.map((word) => codeSpan(word)).join(", ");
}

/** The option names the schema knows at `path`, for "did you mean". */
function knownKeys(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let node = unwrap(schema);
  for (const key of path) {
    if (node instanceof z.ZodObject) {
      const child: unknown = node.shape[String(key)];
      if (!(child instanceof z.core.$ZodType)) return [];
      node = unwrap(child);
    } else if (node instanceof z.ZodArray) {
      node = unwrap(node.element);
    } else if (node instanceof z.ZodRecord) {
      node = unwrap(node.valueType);
    } else {
      return [];
    }
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let node = schema;
  for (;;) {
    if (
      node instanceof z.ZodOptional ||
      node instanceof z.ZodNullable ||
      node instanceof z.ZodDefault ||
      node instanceof z.ZodPrefault
    ) {
      node = node.unwrap();
    } else if (node instanceof z.ZodPipe) {
      node = node.in;
    } else {
      return node;
    }
  }
}
