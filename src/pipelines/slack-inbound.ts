import type { Logger, Probot } from "probot";
import { incidentOfTopic } from "../features/war-room/channel-topic.js";
import {
  parseChannelMessage,
  parseSlashText,
  type SlackCommand,
} from "../features/war-room/parse-slack-command.js";
import { decideRelay, type RelayAuthor, relayCommentBody } from "../features/war-room/relay-decision.js";
import { warRoomWords } from "../features/war-room/war-room-words.js";
import { loadConfig } from "../github/load-config.js";
import {
  associationOf,
  installationFor,
  openIssue,
  postRelayedComment,
  relayedAlready,
} from "../github/slack-relay.js";
import type { SlackClients, WarRoomDeps } from "../outside/slack/slack-deps.js";

/**
 * What people type in Slack (§15), after the route has acknowledged it: a
 * `/incident …` slash command, or a message in an incident's channel whose lines
 * start with the command prefix. Mapped, authorised people's commands become a
 * comment the app posts on the incident for them; everyone else gets an ephemeral
 * answer saying why and what to do. GitHub stays the record.
 */
export type SlackInbound =
  | {
      kind: "slash";
      text: string;
      userId: string;
      channelId: string;
      channelName: string;
      responseUrl: string;
    }
  | { kind: "message"; text: string; userId: string; channelId: string; ts: string; retry: boolean };

export interface SlackInboundDeps {
  probot: Probot;
  warRoom: WarRoomDeps;
  log: Logger;
}

/** Any line starting with a character a prefix may be: others are talk, and cost no request. */
const MAY_BE_COMMAND = /^[ \t]*[!.$%&?]\w/m;

interface Where {
  owner: string;
  repo: string;
  number: number | null;
  incidentId: string | null;
  channelName: string;
  isPrivate: boolean;
}

export async function handleSlackInbound(inbound: SlackInbound, deps: SlackInboundDeps): Promise<void> {
  if (inbound.kind === "message" && !MAY_BE_COMMAND.test(inbound.text)) return;
  const slack = deps.warRoom.slack();
  // An answer that cannot be shown is logged: what was relayed stands either way.
  const reply = async (text: string) => {
    try {
      if (inbound.kind === "slash") await deps.warRoom.respond(inbound.responseUrl, text);
      else await slack?.messages.postEphemeral(inbound.channelId, inbound.userId, text);
    } catch (error) {
      deps.log.warn({ err: error }, "slack: could not answer the person");
    }
  };
  if (!slack) return;

  const slashCommand = inbound.kind === "slash" ? parseSlashText(inbound.text) : null;
  const where = await locate(inbound, slashCommand, slack, deps);
  if (where === "no-declare-repo") return reply(warRoomWords.noDeclareRepo);
  // Not an incident channel of this app: messages there are not ours to read.
  if (where === null) {
    if (slashCommand === null) return;
    if (slashCommand.kind === "help") return reply(warRoomWords.help("!"));
    return reply(warRoomWords.notAnIncidentChannel);
  }
  const repoName = `${where.owner}/${where.repo}`;
  const octokit = await installationFor(deps.probot, where.owner, where.repo);
  if (!octokit) return reply(warRoomWords.notInstalled(repoName));
  const repoRef = { owner: where.owner, repo: where.repo };
  const loaded = await loadConfig(
    { octokit, repo: () => repoRef },
    { oid: undefined, now: deps.warRoom.now },
  );
  if (!loaded.ok || !loaded.config.warRoom.enabled) return reply(warRoomWords.warRoomOff(repoName));
  const { config } = loaded;

  const command: SlackCommand =
    slashCommand ?? parseChannelMessage(inbound.text, config.warRoom.commandPrefix);
  const decision = decideRelay(
    { slackUserId: inbound.userId, channelId: inbound.channelId, channelName: where.channelName, command },
    {
      people: config.warRoom.people,
      incidentId: where.incidentId,
      security: where.isPrivate,
      commandPrefix: config.warRoom.commandPrefix,
    },
  );
  if (decision.kind === "ignore") return;
  if (decision.kind === "reply") return reply(decision.text);

  // Authorised as the person would be on GitHub: the association GitHub gives them here.
  const association = await associationOf(octokit, where.owner, where.repo, decision.login);
  if (!config.permissions.commands.includes(association))
    return reply(warRoomWords.notAuthorised(decision.login));
  const who: RelayAuthor = {
    login: decision.login,
    slackUserId: inbound.userId,
    channelId: inbound.channelId,
    channelName: where.channelName,
    association,
    ...(inbound.kind === "message" ? { messageTs: inbound.ts } : {}),
  };
  const body = relayCommentBody(decision.lines, who);
  if (decision.kind === "declare") {
    const issueBody = warRoomWords.declaredFrom({ login: decision.login, channel: where.channelName });
    const issue = await openIssue(octokit, repoRef, decision.title, issueBody);
    await postRelayedComment(octokit, { ...repoRef, number: issue.number }, body);
    deps.log.info({ repo: repoName, issue: issue.number, by: decision.login }, "slack: declared");
    return reply(`${warRoomWords.declaring(decision.title)} ${issue.url}`);
  }
  if (where.number === null) return reply(warRoomWords.notAnIncidentChannel);
  // Slack's retry of a message already relayed (our answer was late or lost): once is enough.
  const issue = { ...repoRef, number: where.number };
  if (inbound.kind === "message" && inbound.retry && (await relayedAlready(octokit, issue, inbound.ts)))
    return;
  await postRelayedComment(octokit, { ...repoRef, number: where.number }, body);
  deps.log.info(
    { incident: decision.incidentId, by: decision.login, lines: decision.lines.length },
    "slack: relayed",
  );
  // A message's command shows in the channel as the timeline mirrors it; a slash command's would not.
  if (inbound.kind === "slash") await reply(warRoomWords.accepted(decision.lines[0] ?? ""));
}

/** The repository (and incident) a command is for: the channel's, or where declarations go. */
async function locate(
  inbound: SlackInbound,
  slashCommand: SlackCommand | null,
  slack: SlackClients,
  deps: SlackInboundDeps,
): Promise<Where | "no-declare-repo" | null> {
  const channelName = inbound.kind === "slash" ? inbound.channelName : "";
  if (slashCommand?.kind === "declare" || slashCommand?.kind === "declare-usage") {
    const [owner, repo] = (deps.warRoom.declareRepo() ?? "").split("/");
    if (!owner || !repo) return "no-declare-repo";
    return { owner, repo, number: null, incidentId: null, channelName, isPrivate: false };
  }
  const channel = await slack.channels.channelInfo(inbound.channelId);
  // Only channels the app made are incident channels: a topic anyone wrote proves nothing.
  if (!channel || channel.creator !== (await slack.channels.botUserId())) return null;
  const incident = incidentOfTopic(channel.topic);
  if (!incident) return null;
  return {
    owner: incident.owner,
    repo: incident.repo,
    number: incident.number,
    incidentId: incident.id,
    channelName: channel.name || channelName,
    isPrivate: channel.isPrivate,
  };
}
