import type { Config } from "../config/schema.js";

/** Who is on call at a moment: the rotation's current and next person, or the fixed lists. */
export function onCallAt(config: Config, at: Date): { primary: string | null; secondary: string | null } {
  const { rotation, primary, secondary } = config.onCall;
  if (rotation) {
    const elapsed = at.getTime() - new Date(rotation.start).getTime();
    const shift = Math.floor(elapsed / rotation.every);
    const count = rotation.users.length;
    const index = ((shift % count) + count) % count;
    return {
      primary: rotation.users[index] ?? null,
      secondary: count > 1 ? (rotation.users[(index + 1) % count] ?? null) : (secondary[0] ?? null),
    };
  }
  return { primary: primary[0] ?? null, secondary: secondary[0] ?? null };
}

/** The runbook for an incident: its services' first, then the first keyword found in title or impact. */
export function runbookFor(config: Config, services: readonly string[], text: string): string | null {
  for (const service of services) {
    const url = config.services[service]?.runbook;
    if (url) return url;
  }
  const haystack = text.toLowerCase();
  return config.runbooks.find((runbook) => haystack.includes(runbook.match.toLowerCase()))?.url ?? null;
}
