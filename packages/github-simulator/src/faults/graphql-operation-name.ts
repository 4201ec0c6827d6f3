/** The operation name of a GraphQL request body, for the log of a request that was never executed. */
export function graphqlOperationName(path: string, raw: string): string | null {
  if (!/\/graphql$/.test(path)) return null;
  try {
    const body = JSON.parse(raw) as { operationName?: unknown; query?: unknown };
    if (typeof body.operationName === "string") return body.operationName;
    const match =
      typeof body.query === "string" ? /\b(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(body.query) : null;
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}
