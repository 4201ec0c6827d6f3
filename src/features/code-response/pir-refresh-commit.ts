/**
 * A `/pir` refresh commits the review and then answers on the incident. When the
 * commit lands but the answer does not (a lost response, a failed comment), the next
 * run must still say what that refresh changed, not "up to date". So the commit
 * message records the command's key and the change as trailers, and the branch
 * head's message is read back with the history.
 */
export interface RefreshChange {
  updated: string[];
  kept: string[];
}

const COMMAND = "Incident-Command";

export function refreshCommitMessage(id: string, key: string, change: RefreshChange): string {
  return [
    `Refresh the post-incident review of ${id}`,
    "",
    `Updated: ${change.updated.join(", ") || "nothing"}`,
    `Kept: ${change.kept.join(", ") || "nothing"}`,
    `${COMMAND}: ${key}`,
  ].join("\n");
}

/** The change a commit made for the command `key`, if that commit is the one. */
export function refreshDoneBy(message: string | null, key: string): RefreshChange | null {
  if (!message) return null;
  const trailers = new Map<string, string>();
  for (const line of message.split("\n")) {
    const match = /^([A-Za-z-]+): (.*)$/.exec(line);
    if (match) trailers.set(match[1] as string, match[2] as string);
  }
  if (trailers.get(COMMAND) !== key) return null;
  const list = (name: string) => {
    const value = trailers.get(name) ?? "nothing";
    return value === "nothing" ? [] : value.split(", ");
  };
  return { updated: list("Updated"), kept: list("Kept") };
}
