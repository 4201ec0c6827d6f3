import { inline } from "../../render/markdown.js";

/** What the outward room says on the incident: publishing to the status page, and its reminders. */
export const outwardWords = {
  published: (site: string, state: string, text: string) =>
    `🌐 Published to the [status page](${site}): **${state}** · “${inline(text, 500)}”`,
  drillNotPublished: (state: string) =>
    `Recorded as a customer-facing update (**${state}**). This incident is a drill, so nothing was published to the status page.`,
  securityNotPublished: (state: string) =>
    `🔒 Recorded as a customer-facing update (**${state}**), but not published: this is a security incident, and nothing about it goes to the public status page. Tell customers through your security disclosure process.`,
  recordedOnly: (state: string) =>
    `Recorded as a customer-facing update (**${state}**). The status page is turned off (\`statusPage.enabled: false\`), so nothing was published.`,
  publishFailed: (reason: string) =>
    `⚠️ The status page could not be updated: ${inline(reason, 300)}. The public update is recorded here; the app tries again with the next event on this incident (any comment will do).`,
  /** With a severity raised to one that names people to tell (plain text: chat formats escape it). */
  notify: (handles: readonly string[]) => `Notifying ${handles.map((handle) => `@${handle}`).join(", ")}`,
  stillShown: (state: string) =>
    `The status page still shows this incident as **${state}**: post \`/status public resolved <what customers should know>\` to close it there.`,
};
