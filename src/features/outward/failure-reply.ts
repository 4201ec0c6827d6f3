import { marker } from "../../kernel/markers.js";
import { inline } from "../../render/markdown.js";
import type { DeliveryOutcome } from "./delivery-outcome.js";

/**
 * A target that could not be reached is reported on the incident once (keyed by
 * the target's name): people learn that chat missed something, and a target that
 * stays down does not fill the incident with warnings.
 */
export function failureReplyKey(target: string): string {
  return `chat-failed:${target}`;
}

export function failureReply(outcome: DeliveryOutcome): string | null {
  const { failure } = outcome;
  if (!failure) return null;
  const missed = failure.undelivered
    .slice(0, 10)
    .map((notice) => `- ${inline(notice.headline, 200)} (${notice.time})`);
  const more = failure.undelivered.length > 10 ? [`- and ${failure.undelivered.length - 10} more`] : [];
  return [
    marker("reply", { key: failureReplyKey(outcome.name) }),
    `⚠️ **Chat notifications to \`${outcome.name}\` (${outcome.type}) failed**: ${failure.reason}. Not delivered:`,
    "",
    ...missed,
    ...more,
    "",
    `The incident itself is not affected. Check the webhook URL in the app's \`${outcome.envName}\` environment variable (or Actions secret). This is said once per incident; later failures of this target are only logged.`,
    "",
  ].join("\n");
}
