/**
 * Every sentence the war room shows people, in Slack and on GitHub, in one place so
 * the voice stays the same and a translation touches one file. Slack text is mrkdwn.
 */

export const warRoomWords = {
  topic: (parts: { id: string; severity: string; status: string; commander: string; link: string }) =>
    `${parts.id} · ${parts.severity} · ${parts.status} · IC ${parts.commander} · ${parts.link}`,
  noCommander: "not assigned",

  declaration: (parts: {
    id: string;
    severity: string;
    title: string;
    link: string;
    commander: string;
    prefix: string;
  }) =>
    [
      `:rotating_light: *${parts.id}* (${parts.severity}) ${parts.title}`,
      `Incident commander: ${parts.commander}`,
      `The record is the GitHub issue: ${parts.link}`,
      `Commands work here too: \`/incident ack\`, \`/incident note …\`, or a message starting with \`${parts.prefix}\` (\`${parts.prefix}status identified\`). Type \`/incident help\` for the list.`,
    ].join("\n"),

  mirrorLine: (parts: { time: string; text: string; by: string }) =>
    `*${parts.time} UTC* ${parts.text}${parts.by ? ` · ${parts.by}` : ""}`,
  mirrorRemoved: (time: string) => `*${time} UTC* ~this entry was removed from the timeline on GitHub~`,

  movedPrivate:
    ":lock: This is now a security incident: it continues in a private channel with the people working on it. This channel is archived.",
  movedPrivateTopic: "Archived: the incident continues in a private channel.",

  reopenedElsewhere: (earlierChannelId: string) =>
    `:leftwards_arrow_with_hook: Reopened. Slack does not let the app unarchive the earlier channel, so the incident continues here; the earlier one, archived: <#${earlierChannelId}>`,

  resolvedArchived: (link: string) => `:white_check_mark: Resolved. The post-incident review: ${link}`,
  resolvedNoReview: (link: string) => `:white_check_mark: Resolved. The incident stays on GitHub: ${link}`,

  relayedFrom: (parts: { login: string; channel: string }) =>
    `<sub>Typed in Slack by @${parts.login} in #${parts.channel}.</sub>`,

  unmapped: (slackUserId: string) =>
    [
      `I can't act for you yet: Slack user \`${slackUserId}\` has no GitHub login in the war-room config.`,
      "Ask a maintainer to add a line under `warRoom.people` in `.github/incident.yml` (`your-github-login: " +
        `${slackUserId}\`), or run the command on the GitHub issue.`,
    ].join("\n"),
  unknownMention: (slackUserId: string) =>
    `I don't know who <@${slackUserId}> is on GitHub, so I can't name them on the incident. Use their GitHub login (\`@login\`) instead, or map them under \`warRoom.people\`.`,
  notAuthorised: (login: string) =>
    `@${login} may not run incident commands on this repository (only its members and collaborators may). Nothing was done.`,
  notAnIncidentChannel:
    "This channel belongs to no incident. Run the command in the incident's channel, or declare one: `/incident declare SEV-2 what is broken`.",
  declareUsage:
    "To declare, type `/incident declare <severity> <title>`, e.g. `/incident declare SEV-2 Checkout errors for EU users`.",
  securityUnmapped:
    "This is a security incident: only people mapped in `warRoom.people` and allowed on its repository may take part from Slack.",
  help: (prefix: string) =>
    [
      "*Incident commands from Slack* (the same as on GitHub; GitHub stays the record):",
      "`/incident declare SEV-2 Checkout errors` opens an incident.",
      "In its channel: `/incident ack`, `/incident severity SEV-1 why`, `/incident status identified`, `/incident ic @login`,",
      `\`/incident note text\`, \`/incident update text\`, \`/incident resolve summary\`, or the same as a message: \`${prefix}ack\`, \`${prefix}note text\`.`,
      "You act as your mapped GitHub login, with the same rights as on the repository.",
    ].join("\n"),
  accepted: (line: string) => `:eyes: Sent to the incident: \`${line}\``,
  declaredFrom: (parts: { login: string; channel: string }) =>
    `Declared from Slack by @${parts.login} in #${parts.channel}.`,
  declaring: (title: string) => `:rotating_light: Declaring: ${title}. The incident's channel follows.`,
  noDeclareRepo:
    "I don't know where to open incidents: the app's `SLACK_DECLARE_REPO` setting (`owner/name`) is not set. Declare on GitHub for now.",
  notInstalled: (repo: string) =>
    `The app is not installed on ${repo}, so I can't act there. Nothing was done.`,
  warRoomOff: (repo: string) =>
    `The war room is not enabled for ${repo} (\`warRoom.enabled\` in \`.github/incident.yml\`). Nothing was done; run the command on the GitHub issue.`,
  failed:
    "Something went wrong sending that to GitHub; nothing was recorded. Try again, or run it on the issue.",

  // On the GitHub issue, once each (keyed), when the channel cannot follow the incident.
  problemMissingScope: (parts: { scope: string; method: string }) =>
    `⚠️ **The Slack channel cannot follow this incident**: the Slack app lacks the \`${parts.scope}\` scope (Slack refused \`${parts.method}\`). Add it under _OAuth & Permissions_ and reinstall the app to the workspace (docs/slack.md lists every scope and why); the channel catches up on the next change. The incident itself is not affected. This is said once per incident.`,
  problemLate: (parts: { method: string; detail: string }) =>
    `⏳ **The Slack channel is late**: Slack did not answer \`${parts.method}\` (${parts.detail}) after retries with back-off. The incident carries on here; the channel catches up on the next change. This is said once per incident.`,
  problemNoToken:
    "⚠️ **The Slack channel cannot be opened**: `warRoom` is enabled but the app has no `SLACK_BOT_TOKEN`. Set it (docs/slack.md); the incident itself is not affected. This is said once per incident.",
  problemRefused: (parts: { method: string; code: string }) =>
    `⚠️ **The Slack channel cannot follow this incident**: Slack refused \`${parts.method}\` with \`${parts.code}\`. The incident itself is not affected. This is said once per incident.`,
} as const;
