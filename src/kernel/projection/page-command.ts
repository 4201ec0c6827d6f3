import type { PageTarget } from "../../commands/types.js";
import type { Config } from "../../config/schema.js";
import type { IncidentState } from "../incident-state.js";
import { onCallAt } from "../on-call.js";
import { addEntry, type Source } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * `/page <@user|primary|secondary|service> [message]` (§14): a page of its own for the
 * incident, sent through the configured paging service once the timeline claims it.
 * Refused, with the reason, when there is no paging service or the paging service
 * would not know whom to wake: a person not mapped under its `users`, a role nobody
 * holds now, a service not listed under its `services`.
 */
export const pageWords = {
  noPaging:
    "Nobody was paged: no paging service is set up (`paging.service` in `.github/incident.yml`). Mention people instead, or set up PagerDuty or Opsgenie (see docs/paging.md).",
  unmapped: (login: string, where: string) =>
    `Nobody was paged: @${login} is not under \`${where}\`, so the paging service would not know whom to wake. Add them there, or page \`primary\` or \`secondary\`.`,
  nobodyOnCall: (role: string) =>
    `Nobody was paged: nobody is on call as ${role} now (\`onCall\` in \`.github/incident.yml\`).`,
  unknownService: (name: string, where: string, known: string[]) =>
    `Nobody was paged: \`${name}\` is not a service under \`${where}\`${known.length ? ` (known: ${known.map((one) => `\`${one}\``).join(", ")})` : ""}. Page a person with \`@name\`, or \`primary\`.`,
};

export function applyPage(
  state: IncidentState,
  command: { target: PageTarget; message: string | null },
  at: Date,
  by: string,
  config: Config,
  source: Source & { commentId: number | null },
): string | null {
  const { paging } = config;
  const settings = paging.service === "pagerduty" ? paging.pagerduty : paging.opsgenie;
  if (paging.service === "none" || !settings) return pageWords.noPaging;
  const where = `paging.${paging.service}`;
  const { target } = command;
  let to: string;
  if (target.kind === "service") {
    const known = Object.keys(settings.services);
    if (!known.includes(target.name))
      return pageWords.unknownService(target.name, `${where}.services`, known);
    to = `service:${target.name}`;
  } else {
    const login =
      target.kind === "role" ? onCallAt(config, at)[target.role] : target.login === "me" ? by : target.login;
    if (!login) return pageWords.nobodyOnCall(target.kind === "role" ? target.role : "");
    const mapped = Object.values(settings.users).some((one) => one.toLowerCase() === login.toLowerCase());
    if (!mapped) return pageWords.unmapped(login, `${where}.users`);
    to = login;
  }
  const who = to.startsWith("service:") ? `\`${to.slice(8)}\`` : `@${to}`;
  const role = target.kind === "role" ? ` (${target.role})` : "";
  // One page per command line: typing `/page` again wakes them again. A service's page names
  // the service in its key, so its acknowledgement and resolution reach the same service.
  const whom = to.startsWith("service:") ? `service-${to.slice(8)}` : to;
  const page = { key: `page-${source.commentId ?? at.getTime()}-${whom}`, to: [to], urgent: true };
  // In a drill the page is recorded (its reply says so) but never sent (decide-outward).
  const text = state.drill
    ? timelineWords.pageInDrill(`${who}${role}`)
    : timelineWords.paged(`${who}${role}`);
  addEntry(state, "escalated", at, by, text, {
    ...source,
    quote: command.message,
    page,
  });
  return null;
}
