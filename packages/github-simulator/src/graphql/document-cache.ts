import { type DocumentNode, type GraphQLError, type GraphQLSchema, parse, validate } from "graphql";

/**
 * Parsed and validated documents by query text. An app sends the same few documents
 * over and over; GitHub does not re-parse them slowly, so neither should the
 * simulator. Parsing and validating are pure functions of the text and the schema,
 * so a cached answer is the answer. Bounded: the oldest text is forgotten first.
 */
export type CheckedDocument =
  | { ok: true; document: DocumentNode; errors: readonly GraphQLError[] }
  | { ok: false; error: GraphQLError };

const MAX_DOCUMENTS = 500;
const cache = new Map<string, CheckedDocument>();

export function checkedDocument(schema: GraphQLSchema, query: string): CheckedDocument {
  const found = cache.get(query);
  if (found) return found;
  let checked: CheckedDocument;
  try {
    const document = parse(query);
    checked = { ok: true, document, errors: validate(schema, document) };
  } catch (error) {
    checked = { ok: false, error: error as GraphQLError };
  }
  if (cache.size >= MAX_DOCUMENTS) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(query, checked);
  return checked;
}
