import type { Octokit } from "../github/client.js";
import { readTemplateOverrides } from "../github/read-template-overrides.js";
import {
  checkTemplateOverrides,
  NO_TEMPLATE_OVERRIDES,
  type TemplateOverrides,
} from "../render/template-overrides.js";

/**
 * A repo's template overrides, cached per repo while the override folder's tree id
 * (from the event's history read) is unchanged, the way the config is cached by its
 * blob id: a repo without the folder costs nothing, one with it costs one request
 * per change of the folder, not per event.
 */
const MAX_ENTRIES = 1_000;
const cache = new Map<string, { oid: string; overrides: TemplateOverrides }>();

export async function loadRepoTemplates(
  octokit: Octokit,
  where: { owner: string; repo: string },
  oid: string | null,
  log: { warn(fields: object, message: string): void },
): Promise<TemplateOverrides> {
  if (oid === null) return NO_TEMPLATE_OVERRIDES;
  const key = `${where.owner}/${where.repo}`.toLowerCase();
  const cached = cache.get(key);
  if (cached?.oid === oid) return cached.overrides;
  let read: Awaited<ReturnType<typeof readTemplateOverrides>>;
  try {
    read = await readTemplateOverrides(octokit, where);
  } catch (error) {
    // The built-in templates still say everything; the next event tries again.
    log.warn({ err: error }, "could not read template overrides; using the built-in templates");
    return NO_TEMPLATE_OVERRIDES;
  }
  const overrides = read ? checkTemplateOverrides(read.files) : NO_TEMPLATE_OVERRIDES;
  cache.delete(key);
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  // Keyed by the id the files were read at: if the folder moved since the history
  // read, the next event's read names this id and finds it cached.
  if (read) cache.set(key, { oid: read.oid, overrides });
  return overrides;
}

/** Forget every cached override (tests). */
export function clearTemplateCache(): void {
  cache.clear();
}
