import { TEMPLATE_OVERRIDE_EXPRESSION } from "../render/template-names.js";
import type { OverrideFile } from "../render/template-overrides.js";
import type { Octokit } from "./client.js";
import { TEMPLATE_OVERRIDES_QUERY } from "./queries.js";

interface RawEntry {
  name: string;
  type: string;
  object: {
    __typename: string;
    text?: string | null;
    isBinary?: boolean | null;
    isTruncated?: boolean;
  } | null;
}

interface RawFolder {
  __typename: string;
  oid?: string;
  entries?: RawEntry[] | null;
}

/** The override folder's files in one GraphQL request, with the tree id they were read at; null when absent. */
export async function readTemplateOverrides(
  octokit: Octokit,
  where: { owner: string; repo: string },
): Promise<{ oid: string; files: OverrideFile[] } | null> {
  const result = await octokit.graphql<{ repository: { folder: RawFolder | null } | null }>(
    TEMPLATE_OVERRIDES_QUERY,
    { ...where, expression: TEMPLATE_OVERRIDE_EXPRESSION },
  );
  const folder = result.repository?.folder;
  if (folder?.__typename !== "Tree" || !folder.oid) return null;
  const files = (folder.entries ?? [])
    .filter((entry) => entry.type === "blob")
    .map((entry) => {
      const blob = entry.object;
      const readable = blob && !blob.isBinary && !blob.isTruncated && typeof blob.text === "string";
      return { name: entry.name, text: readable ? (blob.text as string) : null };
    });
  return { oid: folder.oid, files };
}
