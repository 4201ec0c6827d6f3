import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { boundedMemo } from "../kernel/bounded-memo.js";
import { describeTemplateError } from "./describe-template-error.js";
import { packageRoot } from "./package-root.js";
import { overrideFile, TEMPLATE_NAMES, type TemplateName } from "./template-names.js";
import type { TemplateOverrides, TemplateProblem } from "./template-overrides.js";

export { TEMPLATE_NAMES, type TemplateName };

/**
 * Handlebars set up once: helpers, and each template compiled once per process.
 * View models hand templates text that is already safe (see markdown.ts), so the
 * HTML escaping Handlebars would add is off; templates never compile user text.
 *
 * A repo's overrides (`.github/incident-templates/<name>.md.hbs`) apply inside
 * `withTemplateOverrides`; an override that fails to render, or that drops the
 * hidden marker the app finds its comments by, is replaced by the built-in
 * template and reported as a problem.
 */
const handlebars = Handlebars.create();
handlebars.registerHelper("eq", (a: unknown, b: unknown) => a === b);
handlebars.registerHelper("join", (items: unknown, separator: unknown) =>
  Array.isArray(items) ? items.join(typeof separator === "string" ? separator : ", ") : "",
);

/** Bounded: repos' overrides change over a server's life, and each version compiles anew. */
const compiled = boundedMemo<Handlebars.TemplateDelegate>(500);
const templatesDir = join(packageRoot(), "templates");

function compile(key: string, source: () => string): Handlebars.TemplateDelegate {
  return compiled.get(key, () => handlebars.compile(source(), { noEscape: true, strict: true }));
}

const builtIn = (name: TemplateName) =>
  compile(name, () => readFileSync(join(templatesDir, `${name}.md.hbs`), "utf8"));

/** The overrides in force and what went wrong with them; set only while `withTemplateOverrides` runs. */
let scope: { overrides: TemplateOverrides; problems: TemplateProblem[] } | null = null;

/**
 * Runs `decide` (synchronous, so no other event can interleave) with a repo's
 * overrides in force, and returns what it returned with the problems met rendering.
 */
export function withTemplateOverrides<T>(
  overrides: TemplateOverrides,
  decide: () => T,
): { result: T; problems: TemplateProblem[] } {
  const outer = scope;
  scope = { overrides, problems: [] };
  try {
    const result = decide();
    return { result, problems: scope.problems };
  } finally {
    scope = outer;
  }
}

/** Which source renders `name` now: "built-in", or a short hash of the override (part of content hashes). */
export function templateVersion(name: TemplateName): string {
  const source = scope?.overrides.sources[name];
  return source === undefined ? "built-in" : createHash("sha1").update(source).digest("hex").slice(0, 8);
}

function renderOverride(name: TemplateName, source: string, view: object): string | null {
  const file = overrideFile(name);
  try {
    const text = compile(`${name}\0${source}`, () => source)(view);
    const marker = (view as { marker?: unknown }).marker;
    if (typeof marker === "string" && !text.includes(marker)) {
      scope?.problems.push({
        file,
        message: "leaves out `{{marker}}`, the hidden marker the app finds its own comments by",
      });
      return null;
    }
    return text;
  } catch (error) {
    scope?.problems.push({ file, message: describeTemplateError(error, Object.keys(view)) });
    return null;
  }
}

export function render(name: TemplateName, view: object): string {
  const source = scope?.overrides.sources[name];
  const text = (source !== undefined ? renderOverride(name, source, view) : null) ?? builtIn(name)(view);
  return `${text.trim()}\n`;
}

/** Renders with the built-in template whatever overrides are in force (messages about overrides). */
export function renderBuiltIn(name: TemplateName, view: object): string {
  return `${builtIn(name)(view).trim()}\n`;
}
