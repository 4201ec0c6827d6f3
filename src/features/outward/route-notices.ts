import type { ChatTargetConfig } from "../../config/outward-schema.js";
import type { Config } from "../../config/schema.js";
import type { ChatNotice } from "./chat-notice.js";

/** The notices one configured target hears about, in timeline order. */
export interface TargetBatch {
  name: string;
  target: ChatTargetConfig;
  notices: ChatNotice[];
}

export function routeNotices(notices: readonly ChatNotice[], config: Config): TargetBatch[] {
  return Object.entries(config.notifications.targets).flatMap(([name, target]) => {
    const wanted = notices.filter(
      (notice) =>
        // A public channel never hears of a security incident, not even that there is one.
        !(target.public && notice.incident.security) &&
        !notice.pageOnly &&
        (!target.events || target.events.includes(notice.event)) &&
        (!target.severities || notice.severities.some((severity) => target.severities?.includes(severity))),
    );
    return wanted.length ? [{ name, target, notices: wanted }] : [];
  });
}
