import { matchesPath } from "../../kernel/path-glob.js";

/**
 * A CODEOWNERS file: one `pattern owner…` per line, `#` comments; the last line that
 * matches a path names its owners (and a matching line without owners clears them).
 */
export interface OwnerRule {
  pattern: string;
  owners: string[];
}

export function parseCodeowners(text: string): OwnerRule[] {
  return text.split("\n").flatMap((raw) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") return [];
    const [pattern, ...owners] = line.split(/\s+/);
    if (!pattern) return [];
    return [{ pattern, owners: owners.filter((owner) => owner.startsWith("@")).map((o) => o.slice(1)) }];
  });
}

export function ownersOf(rules: readonly OwnerRule[], path: string): string[] {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i] as OwnerRule;
    if (matchesPath(rule.pattern, path)) return rule.owners;
  }
  return [];
}
