import type { ChatNotice } from "./chat-notice.js";

/** What happened to one chat target's notices: the reply on the incident is built from it. */
export interface DeliveryOutcome {
  name: string;
  type: string;
  envName: string;
  delivered: ChatNotice[];
  /** Why the rest were not delivered; null when all were. Never holds the URL. */
  failure: { reason: string; undelivered: ChatNotice[] } | null;
}
