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
  /** A security incident in a public repository with no private one to move to: said once. */
  securityNoPrivateRepository: (repo: string) =>
    `🔒 **This is a security incident in a public repository (\`${repo}\`).** Anyone can read this issue. The app keeps it off every public surface (no status page entry, no public chat target, no review file here, left out of reports) and keeps the impact and links out of its own comments, but it cannot hide this issue. To move security incidents out of sight: create a private repository, install the app on it, and set \`security.repository: owner/name\` in \`.github/incident.yml\`; the next comment here then moves this issue there. Until then, share details only in a private channel, not here.`,
  /** The move to the private repository failed: the incident stays, and nothing is announced. */
  securityMoveFailed: (repo: string, to: string, reason: string) =>
    `🔒 **Could not move this security incident to \`${to}\`:** ${reason}. It stays in \`${repo}\` (public) for now, and nothing about it is announced outside this issue. Fix \`security.repository\` or the app's access; the next comment here tries again.`,
  /** Said in the private repository once a security incident arrived from a public one. */
  securityMovedHere: (from: string, at: string, since: string, people: number, app: number) =>
    `🔒 **Moved here from the public repository \`${from}\`** at ${at}, because this is a security incident. Treat as disclosed what was public there until then: the title and description (since ${since})${people ? `, ${people} comment${people === 1 ? "" : "s"} by people` : ""}${app ? `, ${app} comment${app === 1 ? "" : "s"} by the app` : ""}. The old address now leads here, for people who can see this repository only.`,
  /** `organisation.moveIncidents`: the transfer to the incidents repository failed; said once per reason. */
  moveFailed: (repo: string, to: string, reason: string) =>
    `📦 **Could not move this incident to \`${to}\`:** ${reason}. It stays in \`${repo}\` and works here as usual. Install the app on \`${to}\` with Issues: write, or fix \`organisation.repository\`; the next event tries again.`,
  /** `/move`: refusals that name the repository and what to type instead. */
  moveNoIncidentsRepository: (repo: string, allowed: readonly string[]) =>
    `📦 **Not moved:** no incidents repository is configured, so a bare \`/move\` has nowhere to go. Set \`organisation.repository: owner/name\` in \`.github/incident.yml\`${allowed.length ? `, or type ${allowed.map((one) => `\`/move ${one}\``).join(" or ")}` : ""}. The incident stays in \`${repo}\`.`,
  moveAlreadyThere: (repo: string) => `📦 **Not moved:** this incident is already in \`${repo}\`.`,
  moveNotATarget: (to: string, allowed: readonly string[]) =>
    `📦 **Not moved:** \`${to}\` is not where this organisation keeps incidents. ${allowed.length ? `Type ${allowed.map((one) => `\`/move ${one}\``).join(" or ")} (\`organisation.repository\`, \`security.repository\`).` : "Set `organisation.repository` in `.github/incident.yml`, then type `/move`."}`,
  moveNotDeclared: (to: string) =>
    `📦 **Not moved:** this issue is not a declared incident yet. Type \`/declare\` first, then \`/move ${to}\`.`,
  moveCommandFailed: (repo: string, to: string, reason: string, hint: string) =>
    `📦 **Could not move this incident to \`${to}\`:** ${reason}. It stays in \`${repo}\` and works here as usual. ${hint}`,
  /** Said where a `/move` brought the incident. */
  moveCommandArrived: (from: string, repo: string) =>
    `📦 **Moved here from \`${from}\`** to \`${repo}\`, with its comments and timeline. Its old address leads here, and a closed issue in \`${from}\` points the way.`,
  /** The pointer left in the code repository once an incident moved away (a closed issue). */
  movedPointerTitle: (id: string, to: string) => `[${id}] moved to ${to}`,
  movedPointer: (id: string, to: string, link: string) =>
    `📦 Incident ${id} moved to ${link} in \`${to}\`, where this organisation keeps its incidents. Its comments, timeline and links moved with it, and its old address here leads there. Follow it there; this issue only points the way.`,
  /** Seed plan 003: monitor for a while after mitigation before resolving. */
  resolvedTooSoon: (watched: number, window: number) =>
    `Resolved ${formatDuration(watched)} after mitigation; the plan asks to monitor for ${formatDuration(window)} before resolving. Keep an eye on it, and \`/reopen\` if it comes back.`,
};

function who(login: string | null): string {
  return login ? `\`@${login}\`` : "nobody";
}

/** `/incidents`: the list of open incidents, and what it leaves out. */
export const incidentListWords = {
  none: "✅ No open incidents.",
  intro: (count: number) =>
    `🚨 ${count === 1 ? "1 open incident" : `${count} open incidents`}, most severe first, then oldest first:`,
  restricted: (count: number) =>
    `🔒 ${count === 1 ? "1 restricted incident" : `${count} restricted incidents`} not shown: this repository is public, and security incidents and incidents kept in private repositories are listed only in private ones. Run \`/incidents\` in a private repository to see ${count === 1 ? "it" : "them"}.`,
  drill: "_(drill)_",
  noIc: "_none_",
  dueIn: (what: string, left: string) => `${what} in ${left}`,
  overdueBy: (what: string, over: string) => `⚠️ ${what} overdue by ${over}`,
  deadline: {
    acknowledge: "acknowledge",
    ic: "IC engaged",
    mitigate: "mitigate",
    resolve: "resolve",
    update: "next update",
  },
};
