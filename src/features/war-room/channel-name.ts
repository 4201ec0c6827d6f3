/**
 * Slack channel names for incidents. Slack allows lowercase letters, digits, `-` and
 * `_`, at most 80 characters, and refuses a taken name (`name_taken`); the incident's
 * channel is found again by its topic, so a suffixed name is still found.
 */

export const CHANNEL_NAME_LIMIT = 80;
const INCIDENT_ID = /^INC-(\d{8})-(\d{3,})$/i;

/** Slack's own rule, for checking names before Slack does. */
export function isValidChannelName(name: string): boolean {
  return name.length > 0 && name.length <= CHANNEL_NAME_LIMIT && /^[a-z0-9_-]+$/.test(name);
}

/** Lowercase, with every run of other characters made one `-`, trimmed of `-` at the ends. */
export function slackSafeName(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The channel name of an incident from the configured pattern (`{id}`, `{day}`, `{number}`). */
export function channelNameFor(incidentId: string, pattern = "{id}"): string {
  const match = INCIDENT_ID.exec(incidentId);
  const day = match?.[1] ?? "";
  const number = match?.[2] ?? "";
  const filled = pattern
    .replaceAll("{id}", incidentId)
    .replaceAll("{day}", day)
    .replaceAll("{number}", number);
  const safe = slackSafeName(filled) || slackSafeName(incidentId) || "incident";
  return safe.slice(0, CHANNEL_NAME_LIMIT).replace(/-+$/, "");
}

/** The name to try on attempt `n` (1 is the name itself, then `-2`, `-3`…), cut so the suffix fits. */
export function withCollisionSuffix(name: string, attempt: number): string {
  if (attempt <= 1) return name;
  const suffix = `-${attempt}`;
  return `${name.slice(0, CHANNEL_NAME_LIMIT - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/** The first of `name`, `name-2`, `name-3`… not in `taken`. */
export function firstFreeChannelName(name: string, taken: ReadonlySet<string>): string {
  for (let attempt = 1; ; attempt++) {
    const candidate = withCollisionSuffix(name, attempt);
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether `candidate` is `name` or one of its suffixed forms. */
export function isNameOrSuffixed(candidate: string, name: string): boolean {
  if (candidate === name) return true;
  const match = /^(.*)-(\d+)$/.exec(candidate);
  if (!match) return false;
  const attempt = Number(match[2]);
  return attempt >= 2 && withCollisionSuffix(name, attempt) === candidate;
}
