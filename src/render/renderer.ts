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
 * A repo's overrides (`.github/incident-templates/<name>.md.hbs`) apply through
 * `templatesWith`; an override that fails to render, or that drops the hidden
 * marker the app finds its comments by, is replaced by the built-in template and
 * reported as a problem.
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

/**
 * The templates one decision renders with: a repo's overrides over the built-in ones.
 * Created per decision and passed down explicitly (no module state), so two events
 * deciding at once can never render with each other's overrides.
 */
export interface Templates {
  render(name: TemplateName, view: object): string;
  /** Which source renders `name`: "built-in", or a short hash of the override (part of content hashes). */
  version(name: TemplateName): string;
}

/** Templates with a repo's overrides, collecting what went wrong rendering them. */
export interface TemplatesWithOverrides extends Templates {
  readonly problems: readonly TemplateProblem[];
}

/** The built-in templates: for what no repo's overrides apply to (the sweep, reports, action items). */
export const BUILT_IN_TEMPLATES: Templates = {
  render: (name, view) => renderBuiltIn(name, view),
  version: () => "built-in",
};

export function templatesWith(overrides: TemplateOverrides): TemplatesWithOverrides {
  const problems: TemplateProblem[] = [];
  const renderOverride = (name: TemplateName, source: string, view: object): string | null => {
    const file = overrideFile(name);
    try {
      const text = compile(`${name}\0${source}`, () => source)(view);
      const marker = (view as { marker?: unknown }).marker;
      if (typeof marker === "string" && !text.includes(marker)) {
        problems.push({
          file,
          message: "leaves out `{{marker}}`, the hidden marker the app finds its own comments by",
        });
        return null;
      }
      return text;
    } catch (error) {
      problems.push({ file, message: describeTemplateError(error, Object.keys(view)) });
      return null;
    }
  };
  return {
    problems,
    render(name, view) {
      const source = overrides.sources[name];
      const text = (source !== undefined ? renderOverride(name, source, view) : null) ?? builtIn(name)(view);
      return `${text.trim()}\n`;
    },
    version(name) {
      const source = overrides.sources[name];
      return source === undefined ? "built-in" : createHash("sha1").update(source).digest("hex").slice(0, 8);
    },
  };
}

/** Renders with the built-in template whatever overrides are in force (messages about overrides). */
export function renderBuiltIn(name: TemplateName, view: object): string {
  return `${builtIn(name)(view).trim()}\n`;
}
