import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import {
  deref,
  isObject,
  type Json,
  type JsonObject,
  loadOpenApiSpec,
  type OpenApiSpec,
} from "./openapi-spec.js";

/**
 * JSON-schema validation against GitHub's OpenAPI description. The spec is OpenAPI
 * 3.0: `nullable` without `type` is rewritten to `anyOf [..., null]` (and null added to
 * a nullable `enum`), `#/components`
 * references point at components registered with ajv under their own ids, and its custom
 * formats are accepted. Components are registered with ajv the first time a schema
 * refers to them (registering all of them up front costs 0.2 s), and validators
 * compile lazily, cached per schema.
 */

export interface SchemaError {
  field: string;
  code: string;
  message: string;
}

const COMPONENT_BASE = "https://simulator.invalid/components/";

/** `#/components/schemas/x/properties/y` -> the id of component `schemas/x` plus the rest as fragment. */
function componentRef(ref: string): { id: string; kind: string; name: string; rest: string } | null {
  const parts = ref.slice("#/components/".length).split("/");
  const [kind, name, ...rest] = parts;
  if (!ref.startsWith("#/components/") || !kind || !name) return null;
  return {
    id: `${COMPONENT_BASE}${kind}/${name}`,
    kind,
    name,
    rest: rest.length ? `#/${rest.join("/")}` : "",
  };
}

function rewrite(value: Json, refs: Set<string>): Json {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, refs));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const ref = key === "$ref" && typeof child === "string" ? componentRef(child) : null;
    if (ref && typeof child === "string") {
      refs.add(child);
      out[key] = `${ref.id}${ref.rest}`;
    } else {
      out[key] = rewrite(child, refs);
    }
  }
  // OpenAPI 3.0: `nullable` admits null even when an `enum` does not list it.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _ignored, ...rest } = out;
    return { anyOf: [rest, { type: "null" }] };
  }
  return out;
}

type AddFormats = (ajv: Ajv) => Ajv;

function formatsPlugin(): AddFormats {
  // ajv-formats is CommonJS; depending on the loader its function is the default or `.default`.
  const mod: unknown = addFormatsModule;
  if (typeof mod === "function") return mod as AddFormats;
  if (isObject(mod) && typeof mod.default === "function") return mod.default as AddFormats;
  throw new Error("simulator: cannot load ajv-formats");
}

export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly added = new Set<string>();

  constructor(private readonly spec: OpenApiSpec) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    formatsPlugin()(this.ajv);
    for (const format of ["repo.nwo", "timestamp"]) this.ajv.addFormat(format, true);
  }

  /** Registers the components `refs` name (and theirs, transitively) the first time they are needed. */
  private addComponents(refs: Set<string>): void {
    const pending = [...refs];
    for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
      const target = componentRef(ref);
      if (!target || this.added.has(target.id)) continue;
      this.added.add(target.id);
      const kind = this.spec.components[target.kind];
      const component = isObject(kind) ? (kind as JsonObject)[target.name] : undefined;
      const nested = new Set<string>();
      this.ajv.addSchema(rewrite(component ?? {}, nested) as JsonObject, target.id);
      pending.push(...nested);
    }
  }

  /** Errors of `data` against `schema` (a spec fragment), or `[]`. `key` names the cache entry. */
  validate(key: string, schema: Json, data: unknown): SchemaError[] {
    let fn = this.cache.get(key);
    if (!fn) {
      const refs = new Set<string>();
      const rewritten = rewrite(schema, refs);
      this.addComponents(refs);
      fn = this.ajv.compile(rewritten as JsonObject);
      this.cache.set(key, fn);
    }
    if (fn(data)) return [];
    return (fn.errors ?? []).map(toSchemaError);
  }

  requestBodyErrors(operationId: string, schema: Json, body: unknown): SchemaError[] {
    return this.validate(`request:${operationId}`, schema, body);
  }

  /** For tests: errors of a response body against the operation's schema for `status`. */
  responseErrors(operationId: string, status: number, body: unknown): SchemaError[] {
    const op = this.spec.operations.find((o) => o.operationId === operationId);
    if (!op) return [{ field: "", code: "unknown_operation", message: operationId }];
    const response = deref(this.spec, op.responses[String(status)]);
    const schema = deref(this.spec, asJson(response.content))["application/json"];
    const content = isObject(schema) ? (schema as JsonObject).schema : undefined;
    if (content === undefined) return [{ field: "", code: "no_schema", message: `${operationId} ${status}` }];
    return this.validate(`response:${operationId}:${status}`, content, body);
  }

  /** For tests: errors of a webhook payload against `x-webhooks` (`issues-opened`, ...). */
  webhookErrors(name: string, payload: unknown): SchemaError[] {
    const hook = this.spec.webhooks[name];
    const post = isObject(hook) ? (hook as JsonObject).post : undefined;
    const body = isObject(post) ? (post as JsonObject).requestBody : undefined;
    const content = isObject(body) ? (body as JsonObject).content : undefined;
    const json = isObject(content) ? (content as JsonObject)["application/json"] : undefined;
    const schema = isObject(json) ? (json as JsonObject).schema : undefined;
    if (schema === undefined) return [{ field: "", code: "unknown_webhook", message: name }];
    return this.validate(`webhook:${name}`, schema, payload);
  }
}

function asJson(value: Json | undefined): Json {
  return value ?? null;
}

function toSchemaError(error: ErrorObject): SchemaError {
  return {
    field: error.instancePath || "/",
    code: error.keyword,
    message: `${error.instancePath || "body"} ${error.message ?? "is invalid"}`,
  };
}

let cachedValidator: SchemaValidator | null = null;

export function schemaValidator(): SchemaValidator {
  cachedValidator ??= new SchemaValidator(loadOpenApiSpec());
  return cachedValidator;
}
