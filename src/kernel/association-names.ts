import type { Association } from "./history.js";

/** GitHub's author associations as people read them, plural. */
const PLURAL: Record<Association, string> = {
  OWNER: "owners",
  MEMBER: "members",
  COLLABORATOR: "collaborators",
  CONTRIBUTOR: "contributors",
  FIRST_TIME_CONTRIBUTOR: "first-time contributors",
  FIRST_TIMER: "first-time GitHub users",
  MANNEQUIN: "mannequins",
  NONE: "anyone",
};

/** "the repository's owners, members and collaborators" for a permission list (`NONE` lets anyone). */
export function whoMay(allowed: readonly Association[]): string {
  if (allowed.includes("NONE")) return "anyone";
  const names = [...new Set(allowed)].map((association) => PLURAL[association]);
  if (names.length === 0) return "nobody";
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `the repository's ${list}`;
}
