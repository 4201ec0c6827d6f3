/** The code of the demo repository: search scoring before, during and after the incident. */
export const SCORING_PATH = "src/search/scoring.ts";
export const SCORING = `export function score(matches: number, total: number): number {
  if (total === 0) return 0;
  return matches / total;
}
`;
export const SCORING_BOOSTED = `export function score(matches: number, total: number, boost = 1.2): number {
  return (matches / total) * boost;
}
`;
export const SCORING_FIXED = `export function score(matches: number, total: number, boost = 1.2): number {
  if (total === 0) return 0;
  return (matches / total) * boost;
}
`;
export const CODEOWNERS = `# Search is owned by the search team.
/src/search/ @dave @erin
`;
