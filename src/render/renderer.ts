import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "./package-root.js";

/**
 * Handlebars set up once: helpers, and each template compiled once per process.
 * View models hand templates text that is already safe (see markdown.ts), so the
 * HTML escaping Handlebars would add is off; templates never compile user text.
 */
export type TemplateName =
  | "declaration"
  | "timeline"
  | "command-reply"
  | "help"
  | "update"
  | "resolution"
  | "comms-draft"
  | "escalation"
  | "config-error"
  | "triage"
  | "action-item-created"
  | "board-problem"
  | "reminder";

const handlebars = Handlebars.create();
handlebars.registerHelper("eq", (a: unknown, b: unknown) => a === b);
handlebars.registerHelper("join", (items: unknown, separator: unknown) =>
  Array.isArray(items) ? items.join(typeof separator === "string" ? separator : ", ") : "",
);

const compiled = new Map<string, Handlebars.TemplateDelegate>();
const templatesDir = join(packageRoot(), "templates");

/** Source of a template: a repo override (`.github/incident-templates/<name>.md.hbs`) or the built-in file. */
function compile(name: TemplateName, override: string | null): Handlebars.TemplateDelegate {
  const key = override === null ? name : `${name}\0${override}`;
  let template = compiled.get(key);
  if (!template) {
    const source = override ?? readFileSync(join(templatesDir, `${name}.md.hbs`), "utf8");
    template = handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(key, template);
  }
  return template;
}

export function render(name: TemplateName, view: object, override: string | null = null): string {
  return `${compile(name, override)(view).trim()}\n`;
}
