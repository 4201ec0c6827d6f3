import { formatDuration } from "../../config/duration.js";

/**
 * What the incident room says in its own words, outside the templates: refusals,
 * the intro of a list of problems, and the escalation reasons. The templates in
 * `templates/` frame these sentences; the sentences themselves live here.
 */
export const incidentWords = {
  /** Recurrence (§8): above the list of earlier incidents on the same service. */
  recurrenceIntro: (count: number, withOpen: number) =>
    `🔁 **Recurrence:** ${count === 1 ? "an earlier incident" : `${count} earlier incidents`} on the same service${
      withOpen === 0
        ? ", none with action items still open."
        : withOpen === count
          ? ", with action items still open:"
          : `; ${withOpen === 1 ? "this one still has" : `these ${withOpen} still have`} action items open:`
    }`,
  recurrenceLine: (link: string, day: string, services: string, open: string) =>
    `- ${link} (${day}, ${services}) · still open: ${open}`,
  /** An outsider typed a command: said once per person. */
  outsiderRefused: (login: string, whoMay: string) =>
    `Thanks, @${login}. Incident commands can only be run by ${whoMay}, so this one was not applied. Ask the incident commander to run it, or comment without the leading \`/\`.`,
  /** Above a list of problems with one comment's commands. */
  problemsIntro: (login: string, count: number) =>
    count > 1 ? `@${login}, ${count} commands were not applied:` : "",
  editReruns: "Editing the comment re-runs its commands.",
  noEscalationPolicy:
    "No escalation policy or secondary on-call is configured, so nobody was notified. Add `escalation` or `onCall.secondary` to `.github/incident.yml`, or mention people directly.",
  escalatedToLevel: (level: number) =>
    `escalated by hand to level ${level} of the policy; please join the response.`,
  /** `/oncall`: names in code spans, so asking who is on call pages nobody. */
  onCallNow: (primary: string | null, secondary: string | null, until: string | null) =>
    `📟 On call now: primary ${who(primary)}, secondary ${who(secondary)}${until ? ` (until ${until})` : ""}.`,
  onCallNext: (primary: string | null, secondary: string | null, from: string) =>
    `Next, from ${from}: primary ${who(primary)}, secondary ${who(secondary)}.`,
  /** `/page`: sent once the timeline claims it; a failure to deliver is said on its own. */
  paged: (whom: string, service: string) =>
    `📟 Paging ${whom} through ${service} now (high urgency). If ${service} does not take it, this incident says so.`,
  pageInDrill: (whom: string) =>
    `This incident is a drill, so ${whom} was not paged (nothing leaves GitHub).`,
  onCallNone:
    "Nobody is configured as on call: add `onCall` (fixed people or a rotation) to `.github/incident.yml`.",
  escalatedToSecondary: "escalated by hand to the secondary on-call; please join the response.",
  /** Seed plan 003: monitor for a while after mitigation before resolving. */
  resolvedTooSoon: (watched: number, window: number) =>
    `Resolved ${formatDuration(watched)} after mitigation; the plan asks to monitor for ${formatDuration(window)} before resolving. Keep an eye on it, and \`/reopen\` if it comes back.`,
};

function who(login: string | null): string {
  return login ? `\`@${login}\`` : "nobody";
}
