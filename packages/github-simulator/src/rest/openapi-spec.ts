import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * GitHub's published OpenAPI description (api.github.com), loaded once per process.
 * Only the one JSON file is read: the package root would load all ten specs.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface PathParam {
  name: string;
  multiSegment: boolean;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  template: string;
  pathParams: PathParam[];
  requestBody: Json | null;
  responses: JsonObject;
}

export interface OpenApiSpec {
  operations: OperationInfo[];
  components: JsonObject;
  webhooks: JsonObject;
}

const METHODS = new Set(["get", "post", "put", "patch", "delete", "head"]);

export function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asObject(value: Json | undefined): JsonObject {
  return isObject(value) ? (value as JsonObject) : {};
}

/** Follows a local `#/components/...` reference, if `value` is one. */
export function deref(spec: { components: JsonObject }, value: Json | undefined): JsonObject {
  const obj = asObject(value);
  const ref = obj.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/components/")) return obj;
  let target: Json | undefined = spec.components;
  for (const part of ref.slice("#/components/".length).split("/")) target = asObject(target)[part];
  return asObject(target);
}

let cached: OpenApiSpec | null = null;

export function loadOpenApiSpec(): OpenApiSpec {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const raw = asObject(JSON.parse(readFileSync(file, "utf8")) as Json);
  const components = asObject(raw.components);
  const operations: OperationInfo[] = [];
  for (const [template, item] of Object.entries(asObject(raw.paths))) {
    const pathItem = asObject(item);
    for (const [method, opValue] of Object.entries(pathItem)) {
      if (!METHODS.has(method)) continue;
      const op = asObject(opValue);
      const params = [...asArray(pathItem.parameters), ...asArray(op.parameters)].map((p) =>
        deref({ components }, p),
      );
      const pathParams = params
        .filter((p) => p.in === "path" && typeof p.name === "string")
        .map((p) => ({ name: String(p.name), multiSegment: p["x-multi-segment"] === true }));
      const body = asObject(asObject(asObject(op.requestBody).content)["application/json"]).schema;
      operations.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        template,
        pathParams,
        requestBody: body ?? null,
        responses: asObject(op.responses),
      });
    }
  }
  cached = { operations, components, webhooks: asObject(raw["x-webhooks"]) };
  return cached;
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}
