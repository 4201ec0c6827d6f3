import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
  getOperationAST,
} from "graphql";
import { isObject } from "../rest/openapi-spec.js";
import type { SimContext } from "../sim-context.js";
import { SimError } from "../store/sim-error.js";
import { codeMutations } from "./code-mutations.js";
import { checkedDocument } from "./document-cache.js";
import { githubSchema } from "./github-schema.js";
import { type Args, type GqlContext, GqlError } from "./gql-types.js";
import { mutationRoot } from "./mutation-root.js";
import { pullMutations } from "./pull-mutations.js";
import { queryRoot } from "./query-root.js";

export interface GraphqlResult {
  status: number;
  body: unknown;
  operationName: string | null;
}

/** Views answer their fields; anything else is a loud "not implemented", never a silent null. */
const fieldResolver: GraphQLFieldResolver<unknown, GqlContext, Args> = (source, args, ctx, info) => {
  if (isObject(source) && Object.hasOwn(source, info.fieldName)) {
    const value = source[info.fieldName];
    return typeof value === "function" ? value(args, ctx, info) : value;
  }
  throw new GqlError(
    "SIMULATOR_NOT_IMPLEMENTED",
    `simulator: ${info.parentType.name}.${info.fieldName} is not implemented`,
  );
};

const typeResolver: GraphQLTypeResolver<unknown, GqlContext> = (value, _ctx, info) => {
  if (isObject(value) && typeof value.__typename === "string") return value.__typename;
  throw new GqlError(
    "SIMULATOR_NOT_IMPLEMENTED",
    `simulator: cannot resolve the type of a ${info.parentType.name}`,
  );
};

function errorType(error: GraphQLError): string | undefined {
  const original = error.originalError;
  if (original instanceof GqlError) return original.type;
  if (original instanceof SimError) return original.kind;
  return undefined;
}

/** GitHub's error shape: `{ type, path, locations, message }`. */
function formatError(error: GraphQLError): Record<string, unknown> {
  const formatted: Record<string, unknown> = {};
  const type = errorType(error);
  if (type) formatted.type = type;
  if (error.path) formatted.path = error.path;
  if (error.locations) formatted.locations = error.locations;
  formatted.message = error.message;
  return formatted;
}

function operationNameOf(document: DocumentNode | null, requested: string | null): string | null {
  if (requested) return requested;
  const op = document ? getOperationAST(document) : null;
  return op?.name?.value ?? null;
}

/** Answers one GraphQL request body for `viewer`, executing it against GitHub's schema. */
export async function handleGraphql(sim: SimContext, viewer: string, body: unknown): Promise<GraphqlResult> {
  if (!isObject(body) || typeof body.query !== "string") {
    return {
      status: 400,
      body: { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" },
      operationName: null,
    };
  }
  const requestedName = typeof body.operationName === "string" ? body.operationName : null;
  const schema = githubSchema();
  const checked = checkedDocument(schema, body.query);
  if (!checked.ok) {
    return { status: 200, body: { errors: [formatError(checked.error)] }, operationName: requestedName };
  }
  const { document } = checked;
  const operationName = operationNameOf(document, requestedName);
  if (checked.errors.length > 0) {
    return { status: 200, body: { errors: checked.errors.map(formatError) }, operationName };
  }
  const operation = getOperationAST(document, requestedName);
  const rootValue =
    operation?.operation === "mutation" ? { ...mutationRoot, ...pullMutations, ...codeMutations } : queryRoot;
  const result = await execute({
    schema,
    document,
    rootValue,
    contextValue: { sim, viewer } satisfies GqlContext,
    variableValues: isObject(body.variables) ? body.variables : undefined,
    operationName: requestedName ?? undefined,
    fieldResolver,
    typeResolver,
  });
  const out: Record<string, unknown> = {};
  if (result.data !== undefined) out.data = result.data;
  if (result.errors && result.errors.length > 0) out.errors = result.errors.map(formatError);
  return { status: 200, body: out, operationName };
}
