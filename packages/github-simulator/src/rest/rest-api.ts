import type { IncomingHttpHeaders } from "node:http";
import type { SimContext } from "../sim-context.js";
import { SimError } from "../store/sim-error.js";
import { checkHandlers } from "./check-handlers.js";
import { commentHandlers } from "./comment-handlers.js";
import { contentHandlers } from "./content-handlers.js";
import { deploymentHandlers } from "./deployment-handlers.js";
import { gitHandlers } from "./git-handlers.js";
import { installationHandlers } from "./installation-handlers.js";
import { issueHandlers } from "./issue-handlers.js";
import { labelHandlers } from "./label-handlers.js";
import { pullHandlers } from "./pull-handlers.js";
import { repoHandlers } from "./repo-handlers.js";
import { type Caller, DOCS_URL, type RestHandler, type RestResponse } from "./rest-types.js";
import { routeTable } from "./route-table.js";
import { schemaValidator } from "./schema-validator.js";

const HANDLERS: Record<string, RestHandler> = {
  ...repoHandlers,
  ...issueHandlers,
  ...labelHandlers,
  ...commentHandlers,
  ...contentHandlers,
  ...gitHandlers,
  ...pullHandlers,
  ...checkHandlers,
  ...deploymentHandlers,
  ...installationHandlers,
};

/** Operation ids the simulator answers; every other spec operation is a loud 501. */
export const IMPLEMENTED_OPERATIONS: readonly string[] = Object.keys(HANDLERS);

export interface RestCall {
  ctx: SimContext;
  caller: Caller;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface RestResult extends RestResponse {
  operationId: string | null;
}

export function notFoundResponse(): RestResponse {
  return { status: 404, body: { message: "Not Found", documentation_url: DOCS_URL } };
}

/** Routes one REST request: 404 unknown route, 422 invalid body, 501 unimplemented, else the handler. */
export function handleRest(call: RestCall): RestResult {
  const match = routeTable().match(call.method, call.url.pathname);
  if (!match) return { ...notFoundResponse(), operationId: null };
  const { operation } = match;
  const operationId = operation.operationId;
  if (operation.requestBody !== null && call.body !== undefined) {
    const errors = schemaValidator().requestBodyErrors(operationId, operation.requestBody, call.body);
    if (errors.length > 0) {
      return {
        status: 422,
        body: { message: "Invalid request.", errors, documentation_url: DOCS_URL },
        operationId,
      };
    }
  }
  const handler = HANDLERS[operationId];
  if (!handler) {
    return {
      status: 501,
      body: {
        message: `simulator: operation ${operationId} is not implemented`,
        documentation_url: DOCS_URL,
      },
      operationId,
    };
  }
  try {
    const response = handler({
      ctx: call.ctx,
      caller: call.caller,
      operationId,
      params: match.params,
      url: call.url,
      headers: call.headers,
      body: call.body,
    });
    return { ...response, operationId };
  } catch (error) {
    if (!(error instanceof SimError)) throw error;
    const body: Record<string, unknown> = { message: error.message, documentation_url: DOCS_URL };
    if (error.errors.length > 0) body.errors = error.errors;
    return { status: error.status, body, operationId };
  }
}
