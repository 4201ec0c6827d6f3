import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLSchema } from "graphql";

let cached: GraphQLSchema | null = null;

/**
 * GitHub's published GraphQL schema, built once per process (about 0.3 s). The SDL
 * repeats a few fields, hence `assumeValidSDL`.
 */
export function githubSchema(): GraphQLSchema {
  if (cached) return cached;
  const dir = new URL(".", import.meta.resolve("@octokit/graphql-schema"));
  const sdl = readFileSync(new URL("schema.graphql", dir), "utf8");
  cached = buildSchema(sdl, { assumeValidSDL: true });
  return cached;
}
