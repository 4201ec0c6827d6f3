import Handlebars from "handlebars";
import { codeSpan } from "../config/code-span.js";
import { describeTemplateError } from "./describe-template-error.js";
import {
  isTemplateName,
  TEMPLATE_NAMES,
  TEMPLATE_OVERRIDE_DIR,
  TEMPLATE_SUFFIX,
  type TemplateName,
} from "./template-names.js";

/**
 * A repo's template overrides, checked: the sources that compile, and one problem
 * per file that does not (or that names no template). Pure: the files are read by
 * the caller.
 */
export interface TemplateProblem {
  /** Path of the file in the repo. */
  file: string;
  message: string;
}

export interface TemplateOverrides {
  sources: Partial<Record<TemplateName, string>>;
  problems: TemplateProblem[];
}

export const NO_TEMPLATE_OVERRIDES: TemplateOverrides = Object.freeze({
  sources: Object.freeze({}),
  problems: [],
}) as TemplateOverrides;

/** A file of the override folder; `text` is null for binary or truncated blobs. */
export interface OverrideFile {
  name: string;
  text: string | null;
}

/** Larger than any sensible comment template; GitHub's comment limit is 65,536 characters. */
export const MAX_TEMPLATE_CHARS = 60_000;

export function checkTemplateOverrides(files: readonly OverrideFile[]): TemplateOverrides {
  const sources: Partial<Record<TemplateName, string>> = {};
  const problems: TemplateProblem[] = [];
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    // Other files (a README, notes) may live in the folder; only `*.md.hbs` are templates.
    if (!file.name.endsWith(TEMPLATE_SUFFIX)) continue;
    const path = `${TEMPLATE_OVERRIDE_DIR}/${file.name}`;
    const name = file.name.slice(0, -TEMPLATE_SUFFIX.length);
    if (!isTemplateName(name)) {
      const known = TEMPLATE_NAMES.filter((known) => known !== "config-error")
        .map((known) => codeSpan(`${known}${TEMPLATE_SUFFIX}`))
        .join(", ");
      problems.push({ file: path, message: `is not a template the app renders (it renders ${known})` });
      continue;
    }
    if (name === "config-error") {
      problems.push({
        file: path,
        message: "cannot be overridden: configuration errors are always reported with the built-in template",
      });
      continue;
    }
    if (file.text === null || file.text.length > MAX_TEMPLATE_CHARS) {
      problems.push({ file: path, message: `must be a text file under ${MAX_TEMPLATE_CHARS} characters` });
      continue;
    }
    try {
      Handlebars.parse(file.text);
    } catch (error) {
      problems.push({ file: path, message: describeTemplateError(error) });
      continue;
    }
    sources[name] = file.text;
  }
  return { sources, problems };
}
