import type { Association } from "../../kernel/history.js";
import { marker, readMarkers } from "../../kernel/markers.js";
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
  | { kind: "declare"; login: string; severity: string; title: string; lines: string[] }
  | { kind: "relay"; login: string; incidentId: string; lines: string[] };

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

  if (command.kind === "declare") {
    const title = (relayed[0] ?? "").slice(`/declare ${command.severity} `.length);
    return { kind: "declare", login, severity: command.severity, title, lines: relayed };
  }
  if (context.incidentId === null) return { kind: "reply", text: warRoomWords.notAnIncidentChannel };
  return { kind: "relay", login, incidentId: context.incidentId, lines: relayed };
}

/** Who typed a relayed command, where, and the association the app checked on GitHub. */
export interface RelayAuthor {
  login: string;
  slackUserId: string;
  channelId: string;
  channelName: string;
  association: Association;
  /** The Slack message's `ts`, for a command typed as a message (finds a retried event's relay). */
  messageTs?: string;
}

/**
 * The marker naming the Slack person, the channel and the association checked on
 * the repository; the projection reads the comment as that person's (trusted only
 * in the app's own comments).
 */
export function fromSlackMarker(who: RelayAuthor): string {
  return marker("from-slack", {
    user: who.slackUserId,
    channel: who.channelId,
    name: who.channelName,
    login: who.login,
    assoc: who.association,
    ...(who.messageTs ? { ts: who.messageTs } : {}),
  });
}

/** Reads the marker back (the projection checks the comment's author is the app first). */
export function readFromSlackMarker(
  body: string,
): { slackUserId: string; channelId: string; login: string } | null {
  const found = readMarkers(body).find((each) => each.kind === "from-slack");
  const { user, channel, login } = found?.fields ?? {};
  return user && channel && login ? { slackUserId: user, channelId: channel, login } : null;
}

/** The comment the app posts on the incident for the person. */
export function relayCommentBody(lines: readonly string[], who: RelayAuthor): string {
  return [
    ...lines,
    "",
    warRoomWords.relayedFrom({ login: who.login, channel: who.channelName }),
    fromSlackMarker(who),
  ].join("\n");
}
