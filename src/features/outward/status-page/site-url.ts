import type { Config } from "../../../config/schema.js";

/**
 * Where the site is served: the configured address, or GitHub Pages' address for
 * the repo (`https://<owner>.github.io/<repo>/<folder>/`; a `<owner>.github.io`
 * repo is served at the root).
 */
export function siteUrl(config: Config, nameWithOwner: string): string {
  const configured = config.statusPage.url;
  if (configured) return configured.endsWith("/") ? configured : `${configured}/`;
  const [owner = "", repo = ""] = nameWithOwner.split("/");
  const host = `${owner.toLowerCase()}.github.io`;
  const base = repo.toLowerCase() === host ? `https://${host}/` : `https://${host}/${repo}/`;
  return `${base}${config.statusPage.folder}/`;
}
