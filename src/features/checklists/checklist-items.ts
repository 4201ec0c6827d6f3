import { createHash } from "node:crypto";
import { CHECKLIST_PHASES, type ChecklistPhase } from "../../config/checklist-schema.js";
import type { Config } from "../../config/schema.js";
import { boundedMemo } from "../../kernel/bounded-memo.js";

/** An item the config asks for at this severity, before the comment says whether it is ticked. */
export interface ConfiguredItem {
  key: string;
  phase: ChecklistPhase | "added";
  text: string;
}

/** Case, spacing and a trailing full stop do not make another item. */
export function normalText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;:]$/, "")
    .toLowerCase();
}

/** Every configured item's key is made again on every decision: remembered by phase and text. */
const ITEM_KEYS = boundedMemo<string>(2_000, { maxKeyChars: 500_000 });

export function itemKey(phase: ChecklistPhase | "added", text: string): string {
  return ITEM_KEYS.get(`${phase}\u0000${text}`, () => {
    const hash = createHash("sha1").update(normalText(text)).digest("hex").slice(0, 8);
    return `${phase}-${hash}`;
  });
}

/** One line of a task list: no line breaks in what the config says. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The configured items for the incident's severity (names or aliases), phase by phase. */
export function configuredItems(config: Config, severity: string | null | "every"): ConfiguredItem[] {
  const names = severity === "every" ? null : severityNames(config, severity);
  const items: ConfiguredItem[] = [];
  for (const phase of CHECKLIST_PHASES) {
    for (const entry of config.checklists[phase]) {
      const text = oneLine(typeof entry === "string" ? entry : entry.text);
      const only = typeof entry === "string" ? undefined : entry.severities;
      if (names && only && !only.some((name) => names.has(name.toLowerCase()))) continue;
      items.push({ key: itemKey(phase, text), phase, text });
    }
  }
  return items;
}

function severityNames(config: Config, severity: string | null): Set<string> {
  const found = config.severities.find((s) => s.name === severity);
  if (!found) return new Set(severity ? [severity.toLowerCase()] : []);
  return new Set([found.name, ...found.aliases].map((name) => name.toLowerCase()));
}
