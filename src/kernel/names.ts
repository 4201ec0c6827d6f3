import type { Config } from "../config/schema.js";
import { slug } from "./incident-id.js";

/**
 * Deterministic names of what the app creates for an incident (§3), so a repeated
 * event finds its earlier work instead of doing it twice, and their parsers: every
 * branch, path and check name the app writes or recognises is shaped here and only here.
 */
export const FREEZE_CHECK_NAME = "incident-freeze";

export function hotfixBranch(id: string): string {
  return `hotfix/${slug(id)}`;
}

export function pirBranch(id: string): string {
  return `pir/${slug(id)}`;
}

export function pirPath(config: Config, id: string): string {
  return config.pir.path.replaceAll("{id}", id);
}

/** The pull request GitHub's revert branch (`revert-<number>-<branch>`) reverts, or null. */
export function revertedPull(headRefName: string): number | null {
  const number = /^revert-(\d+)-/.exec(headRefName)?.[1];
  return number ? Number(number) : null;
}

/** The incident id a hotfix or review branch names (`hotfix/inc-…`, `pir/inc-…`), upper case, or null. */
export function incidentIdOfBranch(headRefName: string): string | null {
  return /^(?:hotfix|pir)\/(inc-\d{8}-\d{3,})$/i.exec(headRefName)?.[1]?.toUpperCase() ?? null;
}

/** Branches whose pull requests the merge freeze never blocks: hotfixes, reverts, reviews. */
export function exemptFromFreeze(headRefName: string): "hotfix" | "revert" | "review" | null {
  if (/^hotfix\//.test(headRefName)) return "hotfix";
  if (revertedPull(headRefName) !== null) return "revert";
  if (/^pir\//.test(headRefName)) return "review";
  return null;
}

/** Severities whose resolution opens the review: configured, else the two most severe. */
export function opensPirOnResolve(config: Config, severity: string | null): boolean {
  const names = config.pir.openOnResolve ?? config.severities.slice(0, 2).map((s) => s.name);
  return severity !== null && names.includes(severity);
}
