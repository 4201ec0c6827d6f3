import type { SlackCommand } from "./parse-slack-command.js";
import { githubLoginFor, type PeopleMap } from "./people-map.js";
import { decodeSlackText, neutraliseMarkers } from "./slack-text.js";
import { warRoomWords } from "./war-room-words.js";

/**
 * What to do with a command typed in Slack. GitHub stays the record: a mapped
 * person's command becomes a comment the app posts on the incident, carrying the
 * command lines, who typed them and where (a hidden `from-slack` marker, trusted
 * only in the app's own comments). The integrator then checks that login's
 * association on the repository, exactly as for a comment they wrote themselves.
 */

export interface SlackCommandInput {
  slackUserId: string;
  channelId: string;
  channelName: string;
  command: SlackCommand;
}

export interface RelayContext {
  people: PeopleMap;
  /** The incident whose channel this is; null outside incident channels. */
  incidentId: string | null;
  security: boolean;
  commandPrefix: string;
}

export type RelayDecision =
  | { kind: "ignore" }
  /** Shown only to the person who typed it (`chat.postEphemeral` or the `response_url`). */
  | { kind: "reply"; text: string }
  | { kind: "declare"; login: string; severity: string; title: string; commentBody: string }
  | { kind: "relay"; login: string; incidentId: string; commentBody: string; lines: string[] };

export function decideRelay(input: SlackCommandInput, context: RelayContext): RelayDecision {
  const { command } = input;
  if (command.kind === "empty") return { kind: "ignore" };
  if (command.kind === "help") return { kind: "reply", text: warRoomWords.help(context.commandPrefix) };
  if (command.kind === "declare-usage") return { kind: "reply", text: warRoomWords.declareUsage };

  const login = githubLoginFor(context.people, input.slackUserId);
  if (login === null)
    return {
      kind: "reply",
      text: context.security ? warRoomWords.securityUnmapped : warRoomWords.unmapped(input.slackUserId),
    };

  const lines =
    command.kind === "declare" ? [`/declare ${command.severity} ${command.title}`] : command.lines;
  const decoded = decodeSlackText(lines.join("\n"), context.people);
  const unknown = decoded.unknownUsers[0];
  if (unknown !== undefined) return { kind: "reply", text: warRoomWords.unknownMention(unknown) };
  const relayed = neutraliseMarkers(decoded.text).split("\n");
  const commentBody = relayBody(relayed, { login, ...input });

  if (command.kind === "declare") {
    const title = (relayed[0] ?? "").slice(`/declare ${command.severity} `.length);
    return { kind: "declare", login, severity: command.severity, title, commentBody };
  }
  if (context.incidentId === null) return { kind: "reply", text: warRoomWords.notAnIncidentChannel };
  return { kind: "relay", login, incidentId: context.incidentId, commentBody, lines: relayed };
}

/** The marker naming the Slack person and channel, in the repo's marker syntax. */
export function fromSlackMarker(parts: { slackUserId: string; channelId: string; login: string }): string {
  const safe = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, "_");
  return `<!-- incident-app:from-slack user=${safe(parts.slackUserId)} channel=${safe(parts.channelId)} login=${safe(parts.login)} -->`;
}

/** Reads the marker back (the integrator checks the comment's author is the app first). */
export function readFromSlackMarker(
  body: string,
): { slackUserId: string; channelId: string; login: string } | null {
  const match = /^<!-- incident-app:from-slack user=(\S+) channel=(\S+) login=(\S+) -->$/m.exec(body);
  if (!match) return null;
  return { slackUserId: match[1] as string, channelId: match[2] as string, login: match[3] as string };
}

function relayBody(
  lines: string[],
  who: { login: string; slackUserId: string; channelId: string; channelName: string },
): string {
  return [
    ...lines,
    "",
    warRoomWords.relayedFrom({ login: who.login, channel: who.channelName }),
    fromSlackMarker(who),
  ].join("\n");
}
