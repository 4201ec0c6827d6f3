import type { SimState } from "./sim-state.js";

/**
 * Slack's checks on a new channel name (conversations.create, .rename), with its error
 * codes. Archived channels keep their names, so those names stay taken.
 */
export function channelNameError(
  state: SimState,
  name: string | undefined,
  exceptId?: string,
): string | null {
  if (name === undefined || name === "") return "invalid_name_required";
  if (name.length > 80) return "invalid_name_maxlength";
  if (!/^[a-z0-9_-]+$/.test(name)) return "invalid_name_specials";
  if (/^[-_]+$/.test(name)) return "invalid_name_punctuation";
  for (const channel of state.channels.values())
    if (channel.name === name && channel.id !== exceptId) return "name_taken";
  return null;
}
