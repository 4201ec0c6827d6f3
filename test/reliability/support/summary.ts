/** The one line each reliability test prints: what it did and the counts that matter. */
export function summary(test: string, counts: Record<string, number | string>): string {
  const fields = Object.entries(counts).map(([key, value]) => `${key}=${value}`);
  const line = `[reliability] ${test}: ${fields.join(" ")}`;
  console.log(line);
  return line;
}
