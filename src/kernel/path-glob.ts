import { boundedMemo } from "./bounded-memo.js";

/**
 * Path patterns as CODEOWNERS and `.gitignore` write them, also used for the
 * services' `paths`: `*` within a segment, `**` across segments, a leading `/` (or a
 * `/` inside) anchors at the root, otherwise the pattern matches at any depth; a
 * pattern naming a directory matches everything beneath it.
 */
const cache = boundedMemo<RegExp>(2_000);

function compile(pattern: string): RegExp {
  let body = pattern.trim();
  const anchored = body.startsWith("/") || body.replace(/\/$/, "").includes("/");
  body = body.replace(/^\//, "").replace(/\/$/, "");
  let source = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (body.startsWith("**/", i)) {
      source += "(?:.*/)?";
      i += 2;
    } else if (body.startsWith("/**", i) && i + 3 === body.length) {
      source += "(?:/.*)?";
      i += 2;
    } else if (body.startsWith("**", i)) {
      source += ".*";
      i += 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${anchored ? "" : "(?:.*/)?"}${source}(?:/.*)?$`);
}

export function matchesPath(pattern: string, path: string): boolean {
  return cache.get(pattern, () => compile(pattern)).test(path.replace(/^\//, ""));
}
