import { codeSpan } from "../config/code-span.js";

/**
 * What went wrong with a template override, in words a person can act on. Handlebars
 * reports syntax errors when compiling and, in strict mode, unknown fields and
 * helpers when rendering.
 */
export function describeTemplateError(error: unknown, fields: readonly string[] = []): string {
  const message = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):[\s\S]*\n(Expecting [^\n]*)$/.exec(message);
  if (parse) return `does not compile (line ${parse[1]}): ${parse[2]}`;
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):\d+$/.exec(message);
  if (mismatch)
    return `does not compile (line ${mismatch[3]}): ${codeSpan(`{{/${mismatch[2]}}}`)} closes ${codeSpan(`{{#${mismatch[1]}}}`)}`;
  const missing = /^"([^"]+)" not defined in [\s\S]* - (\d+):\d+$/.exec(message);
  if (missing) {
    const known = fields.length ? `; it is given ${fields.map((field) => codeSpan(field)).join(", ")}` : "";
    return `uses ${codeSpan(missing[1] ?? "")} (line ${missing[2]}), which this template is not given${known}`;
  }
  if (/^The partial .* could not be found$/.test(message))
    return "uses a partial (`{{> …}}`); templates cannot include other files";
  return `does not render: ${message.split("\n")[0]}`;
}
