import type { IncomingHttpHeaders } from "node:http";
import type { SimContext } from "../sim-context.js";

/** How a request authenticated: app JWT, installation token, a person's token. */
export type AuthKind = "app" | "installation" | "user";

export interface Caller {
  kind: AuthKind;
  /** Login the request acts as (the bot for installation tokens, `app:<slug>` for the JWT). */
  login: string;
  installationId: number | null;
}

export interface RestRequest {
  ctx: SimContext;
  caller: Caller;
  operationId: string;
  params: Record<string, string>;
  url: URL;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  /** A text body (e.g. raw file contents) instead of JSON. */
  text?: string;
  headers?: Record<string, string>;
}

export type RestHandler = (req: RestRequest) => RestResponse;

export const DOCS_URL = "https://docs.github.com/rest";
