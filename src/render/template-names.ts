/**
 * The templates the app renders (`templates/<name>.md.hbs`), each of which a repo
 * can override with `.github/incident-templates/<name>.md.hbs`.
 */
export const TEMPLATE_NAMES = [
  "declaration",
  "timeline",
  "command-reply",
  "help",
  "update",
  "resolution",
  "comms-draft",
  "escalation",
  "config-error",
  "triage",
  "report",
  "pir",
  "action-item-created",
  "checklist",
] as const;

/**
 * Templates of messages written outside an incident's own pipeline (on an action item,
 * by the sweep), where no repo's overrides are read: built-in only.
 */
export const BUILT_IN_ONLY_TEMPLATES = ["board-problem", "reminder"] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number] | (typeof BUILT_IN_ONLY_TEMPLATES)[number];

/** The folder, relative to the repository root, that holds a repo's overrides. */
export const TEMPLATE_OVERRIDE_DIR = ".github/incident-templates";

/** `object(expression:)` of the override folder on the default branch, for the GraphQL history read. */
export const TEMPLATE_OVERRIDE_EXPRESSION = `HEAD:${TEMPLATE_OVERRIDE_DIR}`;

export const TEMPLATE_SUFFIX = ".md.hbs";

export function overrideFile(name: TemplateName): string {
  return `${TEMPLATE_OVERRIDE_DIR}/${name}${TEMPLATE_SUFFIX}`;
}

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}
