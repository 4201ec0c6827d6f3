import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { boundedMemo } from "../../../kernel/bounded-memo.js";
import { packageRoot } from "../../../render/package-root.js";

/**
 * The status site's templates (`templates/status/*.hbs`), overridable per repo by
 * `.github/incident-templates/status/<name>.hbs`. Unlike the Markdown templates,
 * these escape every value: the view model holds plain text and HTML/XML escaping
 * is the templates' job, so an override cannot forget it.
 */
export const SITE_TEMPLATES = ["index.html", "incident.html", "feed.xml"] as const;
export type SiteTemplateName = (typeof SITE_TEMPLATES)[number];
export type SiteTemplateOverrides = Partial<Record<SiteTemplateName, string>>;

const handlebars = Handlebars.create();
/** Built-in and override templates, compiled once; bounded, as overrides change over a server's life. */
const compiled = boundedMemo<Handlebars.TemplateDelegate>(200);
const builtIn = join(packageRoot(), "templates", "status");

function template(name: SiteTemplateName, override: string | undefined): Handlebars.TemplateDelegate {
  const key = override === undefined ? name : `${name}\0${override}`;
  return compiled.get(key, () =>
    handlebars.compile(override ?? readFileSync(join(builtIn, `${name}.hbs`), "utf8"), { strict: true }),
  );
}

export function renderSiteTemplate(
  name: Exclude<SiteTemplateName, "incident.html">,
  view: object,
  overrides: SiteTemplateOverrides = {},
): string {
  const incident = template("incident.html", overrides["incident.html"]);
  return `${template(name, overrides[name])(view, { partials: { incident } }).trim()}\n`;
}
