import { DEADLINE_PATTERN } from "./deadline-field.js";
import { DEFAULT_SEVERITIES } from "./defaults.js";
import { DURATION_PATTERN, ESCALATION_TARGET_PATTERN, HEX_COLOR_PATTERN, LOGIN_PATTERN } from "./schema.js";

/**
 * The rows of the options table in docs/configuration.md, read from the config's JSON
 * schema (input side): one row per option, nested options as `labels.incident`,
 * `severities[].ack`, `services.<name>.paths`.
 */

export type JsonSchemaNode = {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  additionalProperties?: JsonSchemaNode | boolean;
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
};

export type ReferenceRow = { path: string; type: string; default: string; description: string };

export function configReferenceRows(schema: JsonSchemaNode): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  const walk = (node: JsonSchemaNode, prefix: string): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      const required = node.required?.includes(key) ?? false;
      rows.push({
        path,
        type: typeName(child, false),
        default: defaultText(path, child, required),
        description: child.description ?? "",
      });
      const inner = withoutNull(child);
      if (inner.properties) walk(inner, path);
      if (typeof inner.additionalProperties === "object") walk(inner.additionalProperties, `${path}.<name>`);
      if (inner.items?.properties) walk(inner.items, `${path}[]`);
    }
  };
  walk(schema, "");
  return rows;
}

const KINDS: Record<string, [string, string]> = {
  [DURATION_PATTERN]: ["duration", "durations"],
  [DEADLINE_PATTERN]: ["duration or business days (`2bd`)", "durations or business days"],
  [LOGIN_PATTERN.source]: ["user or team", "users or teams"],
  [ESCALATION_TARGET_PATTERN]: [
    "user, team, `primary` or `secondary`",
    "users, teams, `primary` or `secondary`",
  ],
  [HEX_COLOR_PATTERN.source]: ["hex colour", "hex colours"],
};

function typeName(node: JsonSchemaNode, plural: boolean): string {
  const pick = (one: string, many: string): string => (plural ? many : one);
  if (node.anyOf) return node.anyOf.map((option) => typeName(option, plural)).join(" or ");
  if (node.enum)
    return `${plural ? "" : "one of "}${node.enum.map((value) => `\`${String(value)}\``).join(", ")}`;
  switch (node.type) {
    case "string": {
      const kind = node.pattern === undefined ? undefined : KINDS[node.pattern];
      if (kind) return pick(...kind);
      if (node.format === "uri") return pick("URL", "URLs");
      if (node.format === "date-time") return pick("date-time (ISO 8601)", "date-times (ISO 8601)");
      return pick("string", "strings");
    }
    case "array":
      return node.items ? `list of ${typeName(node.items, true)}` : "list";
    case "object":
      if (typeof node.additionalProperties === "object") return "map of name to object";
      return pick("object", "objects");
    case "boolean":
      return pick("boolean", "booleans");
    case "null":
      return "null";
    default:
      return node.type ?? "any";
  }
}

function withoutNull(node: JsonSchemaNode): JsonSchemaNode {
  return node.anyOf?.find((option) => option.type !== "null") ?? node;
}

function defaultText(path: string, node: JsonSchemaNode, required: boolean): string {
  if (path === "severities") {
    const names = DEFAULT_SEVERITIES.map((severity) => `\`${severity.name}\``);
    return `${names[0]} … ${names[names.length - 1]}, see [below](#default-severities)`;
  }
  if (!("default" in node)) return required ? "required" : "none";
  const value = node.default;
  if (value === null) return "none";
  if (Array.isArray(value)) return value.length === 0 ? "none" : `\`[${value.map(scalar).join(", ")}]\``;
  if (typeof value === "object") return node.properties ? "–" : "none";
  return `\`${scalar(value)}\``;
}

/** A value as it would be written in YAML. */
function scalar(value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value);
  return /^[A-Za-z0-9_./-]+$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[\d.]+)$/i.test(value)
    ? value
    : JSON.stringify(value);
}
