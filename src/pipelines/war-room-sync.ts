import type { Logger } from "probot";
import type { Config } from "../config/schema.js";
import { declarationText, resolutionText } from "../features/war-room/channel-messages.js";
import { channelNameFor } from "../features/war-room/channel-name.js";
import { afterResolveStep, channelFits, channelPolicy } from "../features/war-room/channel-policy.js";
import { channelTopic } from "../features/war-room/channel-topic.js";
import {
  isResolved,
  mirrorEntries,
  responders,
  reviewUrl,
  warRoomIncident,
} from "../features/war-room/incident-view.js";
import { mirrorMetadata, planMirror } from "../features/war-room/mirror-plan.js";
import { inviteesFor, slackIdFor } from "../features/war-room/people-map.js";
import { problemReply, type WarRoomProblem } from "../features/war-room/problem-reply.js";
import { warRoomWords } from "../features/war-room/war-room-words.js";
import { applyPlan } from "../github/apply-plan.js";
import type { Octokit, Target } from "../github/client.js";
import type { HistoryVariables } from "../github/read-history.js";
import { appArtifacts } from "../kernel/app-artifacts.js";
import type { IssueHistory } from "../kernel/history.js";
import type { IncidentState } from "../kernel/incident-state.js";
import type { SlackClients, WarRoomDeps } from "../outside/slack/slack-deps.js";
import {
  SlackCallError,
  SlackMissingScopeError,
  SlackUnavailableError,
} from "../outside/slack/slack-errors.js";

/**
 * The incident's Slack channel follows the incident (§15), after each converged run,
 * in the background (the webhook is answered without waiting on Slack). Nothing is
 * remembered: the channel is found by the incident id in its topic and each message
 * by the key in its metadata, so a redelivered webhook posts nothing twice. When Slack
 * cannot follow, the issue says so once and the incident carries on.
 */
export interface WarRoomSyncInput {
  octokit: Octokit;
  target: Target;
  history: IssueHistory;
  variables: HistoryVariables;
  state: IncidentState;
  config: Config;
  botLogin: string;
  warRoom: WarRoomDeps;
  log: Logger;
}

const DECLARATION_KEY = "declaration";
const RESOLUTION_KEY = "resolution";

export function syncWarRoom(input: WarRoomSyncInput): void {
  const { config, state, history } = input;
  if (!config.warRoom.enabled || state.drill) return;
  const incident = warRoomIncident(state, history.issue);
  if (!incident) return;
  const policy = channelPolicy(config.warRoom, incident);
  if (policy.kind === "none") return;
  const slack = input.warRoom.slack();
  input.warRoom.background.run(
    async () => {
      if (!slack) return report(input, { kind: "no-token" });
      try {
        await followIncident(slack, input, policy.isPrivate);
      } catch (error) {
        const problem = problemOf(error);
        if (!problem) throw error;
        input.log.warn({ incident: incident.id, problem }, "war room: Slack cannot follow the incident");
        await report(input, problem);
      }
    },
    (error) => input.log.error({ err: error }, "war room: following the incident failed"),
  );
}

async function followIncident(
  slack: SlackClients,
  input: WarRoomSyncInput,
  isPrivate: boolean,
): Promise<void> {
  const { config, state, history } = input;
  const incident = warRoomIncident(state, history.issue);
  if (!incident) return;
  const people = config.warRoom.people;
  const name = channelNameFor(incident.id, config.warRoom.channelName);
  let { channel } = await slack.channels.ensureChannel({ incidentId: incident.id, name, isPrivate });
  // Became a security incident: the public channel says where it went (nowhere people can
  // see), stops naming the incident and is archived; a private one takes over.
  if (!channel.isArchived && !channelFits({ kind: "channel", isPrivate, reason: "security" }, channel)) {
    await slack.messages.post(channel.id, warRoomWords.movedPrivate);
    await slack.channels.setTopic(channel, warRoomWords.movedPrivateTopic);
    await slack.channels.archive(channel.id);
    ({ channel } = await slack.channels.ensureChannel({ incidentId: incident.id, name, isPrivate }));
  }
  // Archived after resolution: the channel is history now, unless the incident was
  // reopened; then it comes back (or, where Slack refuses the bot, another one opens).
  let reopenedFrom: string | null = null;
  if (channel.isArchived) {
    if (isResolved(state, config)) return;
    if (await slack.channels.unarchive(channel.id)) channel = { ...channel, isArchived: false };
    else {
      reopenedFrom = channel.id;
      ({ channel } = await slack.channels.openChannel({ incidentId: incident.id, name, isPrivate }));
    }
  }
  const commanderSlackId = incident.commander ? slackIdFor(people, incident.commander) : null;
  await slack.channels.setTopic(channel, channelTopic(incident, commanderSlackId));
  // Only mapped people are invited; in a security incident only those who took part
  // (declared, acknowledged, hold a role), never a wider list.
  await slack.channels.invite(channel.id, inviteesFor(people, responders(state)).slackIds);

  const bot = await slack.channels.botUserId();
  const keyed = await slack.messages.keyedMessages(channel.id, incident.id, bot);
  if (!keyed.some((message) => message.key === DECLARATION_KEY)) {
    const text = declarationText(incident, commanderSlackId, config.warRoom.commandPrefix);
    const ts = await slack.messages.post(channel.id, text, mirrorMetadata(incident.id, DECLARATION_KEY));
    await slack.messages.pin(channel.id, ts);
  }
  const reopenedKey = reopenedFrom ? `reopened-from:${reopenedFrom}` : null;
  if (reopenedFrom && reopenedKey && !keyed.some((message) => message.key === reopenedKey)) {
    const text = warRoomWords.reopenedElsewhere(reopenedFrom);
    await slack.messages.post(channel.id, text, mirrorMetadata(incident.id, reopenedKey));
  }
  if (config.warRoom.mirrorTimeline) {
    const mirrored = keyed.filter((message) => message.key.startsWith("entry:"));
    const writes = planMirror(incident, mirrorEntries(state.entries), mirrored);
    await slack.messages.applyMirror(channel.id, writes);
  }
  if (!isResolved(state, config)) return;
  if (!keyed.some((message) => message.key === RESOLUTION_KEY)) {
    const text = resolutionText(incident, reviewUrl(state));
    await slack.messages.post(channel.id, text, mirrorMetadata(incident.id, RESOLUTION_KEY));
  }
  const step = afterResolveStep(config.warRoom.afterResolve, channel.name);
  if (step.kind === "archive") await slack.channels.archive(channel.id);
  if (step.kind === "rename") await slack.channels.rename(channel.id, step.name);
}

function problemOf(error: unknown): WarRoomProblem | null {
  if (error instanceof SlackMissingScopeError)
    return { kind: "missing-scope", scope: error.needed, method: error.method };
  if (error instanceof SlackUnavailableError)
    return {
      kind: "late",
      method: error.method,
      detail: error.last.kind === "rate-limited" ? "rate limited" : error.last.kind,
    };
  if (error instanceof SlackCallError) return { kind: "refused", method: error.method, code: error.code };
  return null;
}

/** Once per incident and kind of problem: the reply's key is found in the history. */
async function report(input: WarRoomSyncInput, problem: WarRoomProblem): Promise<void> {
  const reply = problemReply(problem);
  if (appArtifacts(input.history, input.botLogin).replies.has(reply.key)) return;
  await applyPlan(
    input.octokit,
    input.target,
    [{ kind: "add-comment", purpose: "reply", body: reply.body }],
    input.variables,
  );
}
