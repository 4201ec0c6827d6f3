import { z } from "zod";
import { markdownTable as table } from "../render/markdown-table.js";
import { CONFIG_PATH } from "./config-file-name.js";
import { configReferenceRows, type JsonSchemaNode } from "./config-reference.js";
import { DEFAULT_SEVERITIES } from "./defaults.js";
import { formatJson } from "./format-json.js";
import { ConfigSchema, type SeveritySchema } from "./schema.js";

/**
 * The generated configuration docs: `docs/configuration.md` (reference table from the
 * schema's descriptions and defaults, the default severities, the full example) and
 * `docs/incident.schema.json` (for editors). `scripts/generate-config-docs.ts` writes
 * them; a test regenerates them in memory and fails when the committed files differ.
 */

export const CONFIG_DOC_FILES = {
  reference: "docs/configuration.md",
  jsonSchema: "docs/incident.schema.json",
  example: "examples/incident.yml",
} as const;

export const REGENERATE_COMMAND = "npx tsx scripts/generate-config-docs.ts";

export type GeneratedFile = { path: string; content: string };

/** Every generated file; the example is read by the caller and embedded as is. */
export function generateConfigDocs(exampleYaml: string): GeneratedFile[] {
  return [
    { path: CONFIG_DOC_FILES.reference, content: renderConfigReference(exampleYaml) },
    { path: CONFIG_DOC_FILES.jsonSchema, content: renderConfigJsonSchema() },
  ];
}

export function configJsonSchema(): JsonSchemaNode {
  return z.toJSONSchema(ConfigSchema, { io: "input" }) as JsonSchemaNode;
}

export function renderConfigJsonSchema(): string {
  return formatJson(configJsonSchema());
}

export function renderConfigReference(exampleYaml: string): string {
  const rows = configReferenceRows(configJsonSchema()).map((row) => [
    `\`${row.path}\``,
    row.type,
    row.default,
    row.description,
  ]);
  return [
    "# Configuration",
    "",
    `<!-- Generated from src/config/schema.ts and ${CONFIG_DOC_FILES.example} by \`${REGENERATE_COMMAND}\`. Edit those, not this file. -->`,
    "",
    `The incident app reads \`${CONFIG_PATH}\` from the default branch of the repository an incident is in.`,
    "Every option has a default taken from the incident-response plans the app encodes, so the file is",
    "optional: without it, or with an empty one, the app runs with the defaults below.",
    "",
    "- **Sharing one configuration.** A repository without the file uses the one in the organisation's",
    "  `.github` repository. A file can inherit another with `_extends: repo`, `_extends: owner/repo` or",
    "  `_extends: owner/repo:path/file.yml`: keys it sets win, mappings merge key by key, and lists replace",
    "  the inherited list (they are not concatenated). The app must be installed on the repository extended.",
    "- **Validation.** The file is checked as a whole. When anything is wrong (YAML syntax, an unknown",
    "  option, a value of the wrong kind, a name that refers to nothing) the app replies once on the incident",
    "  it was handling, listing every problem with its path, and does nothing else with that event. It never",
    "  applies the valid half of a file. A fixed file takes effect with the next event; changes to an",
    "  inherited or organisation-wide file can take up to a minute to be seen.",
    "- **Durations** are written `90s`, `5m`, `1h`, `2d`, `1w`, or combined: `1h30m`. Deadlines (`pirDue`,",
    "  `actionItems.defaultDue`) may also be business days, `2bd`: counted in `timeZone` on the working week",
    "  and holidays of `calendar` (weekends, the country's public holidays, extra days off), keeping the time",
    "  of day across daylight-saving changes.",
    "- **Users and teams** are written `@alice` and `@org/team` (the `@` is optional).",
    "- **Editors.** [`incident.schema.json`](incident.schema.json) is a JSON Schema of the file. With a YAML",
    "  language server (e.g. the VS Code YAML extension) add a first line",
    "  `# yaml-language-server: $schema=<URL of docs/incident.schema.json>` for completion and checks.",
    "",
    "## Options",
    "",
    ...table(["Option", "Type", "Default", "Description"], rows),
    "",
    "## Default severities",
    "",
    "Acknowledge and resolve count from detection, mitigate from acknowledgement; `–` means no target.",
    "Severities that set `pirDue` get a post-incident review.",
    "",
    ...table(
      [
        "Severity",
        "Aliases",
        "Acknowledge",
        "Mitigate",
        "Resolve",
        "Update every",
        "PIR due",
        "Monitor for",
        "Freeze",
      ],
      defaultSeverityRows(),
    ),
    "",
    "## Full example",
    "",
    `Every option, with the default where there is one ([\`${CONFIG_DOC_FILES.example}\`](../${CONFIG_DOC_FILES.example})):`,
    "",
    "```yaml",
    exampleYaml.trimEnd(),
    "```",
    "",
  ].join("\n");
}

function defaultSeverityRows(): string[][] {
  const severities: ReadonlyArray<z.input<typeof SeveritySchema>> = DEFAULT_SEVERITIES;
  const target = (value: string | null | undefined): string => value ?? "–";
  return severities.map((severity) => [
    `\`${severity.name}\``,
    (severity.aliases ?? []).map((alias) => `\`${alias}\``).join(", "),
    target(severity.ack),
    target(severity.mitigate),
    target(severity.resolve),
    target(severity.updateEvery),
    target(severity.pirDue),
    target(severity.monitoringWindow),
    severity.freeze ? "yes" : "no",
  ]);
}
