/**
 * "Did you mean": the command word closest to an unknown one, by Damerau-Levenshtein
 * distance (adjacent swaps count once), else the only command it is a prefix of.
 */
import { commandWords, findCommand } from "./command-table.js";

/** Edit distance where insert, delete, substitute and swapping two neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

const MAX_DISTANCE = 2;

/**
 * The command word (name or alias) an unknown word most likely meant, or null.
 * At most two edits, and never more than half the longer word, so `/go` is not
 * taken for `/ic`; ties go to the word listed first.
 */
export function suggestCommand(unknown: string): string | null {
  const word = unknown.toLowerCase();
  if (word.length === 0 || word.length > 40) return null;
  let best: { word: string; distance: number } | null = null;
  for (const candidate of commandWords()) {
    const distance = editDistance(word, candidate);
    const allowed = Math.min(MAX_DISTANCE, Math.floor(Math.max(word.length, candidate.length) / 2));
    if (distance <= allowed && (best === null || distance < best.distance))
      best = { word: candidate, distance };
  }
  if (best !== null) return best.word;
  if (word.length < 2) return null;
  const prefixed = new Set(
    commandWords()
      .filter((candidate) => candidate.startsWith(word))
      .map((candidate) => findCommand(candidate)?.name),
  );
  return prefixed.size === 1 ? ([...prefixed][0] ?? null) : null;
}
