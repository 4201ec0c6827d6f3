import { z } from "zod";

/**
 * The `warRoom` section of `.github/incident.yml` (§15): a Slack channel per incident.
 * Secrets (bot token, signing secret) never live here; they come from the environment.
 */

/** A GitHub user, with or without `@` (teams cannot be mapped to one Slack user). */
const GITHUB_USER_PATTERN = /^@?[A-Za-z0-9][A-Za-z0-9-]*$/;
/** A Slack user id: `U…` in a workspace, `W…` in an Enterprise Grid org. */
export const SLACK_USER_ID_PATTERN = /^[UW][A-Z0-9]{2,}$/;
/** The placeholders a channel name pattern may use. */
export const CHANNEL_PATTERN_PLACEHOLDERS = ["{id}", "{day}", "{number}"] as const;

const githubUser = z
  .string()
  .regex(GITHUB_USER_PATTERN, { message: "expected a GitHub user such as `@alice`" })
  .transform((text) => text.replace(/^@/, "").toLowerCase());

const slackUserId = z
  .string()
  .regex(SLACK_USER_ID_PATTERN, {
    message: "expected a Slack user id such as U024BE7LH (profile → ⋮ → Copy member ID), not a name",
  })
  .meta({ pattern: SLACK_USER_ID_PATTERN.source });

const channelNamePattern = z
  .string()
  .min(1)
  .refine((text) => text.includes("{id}") || (text.includes("{day}") && text.includes("{number}")), {
    message: "expected a pattern naming the incident, with `{id}` or both `{day}` and `{number}`",
  })
  .refine((text) => /^[a-z0-9_{}-]+$/.test(text), {
    message: "expected lowercase letters, digits, `-`, `_` and the placeholders {id}, {day}, {number}",
  });

export const WarRoomSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(false)
      .describe("Open a Slack channel per incident of the severities below."),
    severities: z
      .array(z.string().min(1))
      .default(["SEV-1", "SEV-2"])
      .describe(
        "Severities that get a channel, also when an incident is raised into one of them later. Security incidents always get a private one.",
      ),
    channelName: channelNamePattern
      .default("{id}")
      .describe(
        "Channel name pattern: `{id}` is the lowercased incident id (`inc-20260203-001`), `{day}` its date, `{number}` its number that day. Slack's rules apply: lowercase, at most 80 characters; a taken name gets `-2`, `-3`…",
      ),
    people: z
      .record(githubUser, slackUserId)
      .default({})
      .describe(
        "GitHub login → Slack user id. Who is invited to channels, and who may run commands from Slack on their own behalf.",
      ),
    lookupByEmail: z
      .boolean()
      .default(false)
      .describe(
        "Reserved: finding Slack users by the public e-mail of their GitHub profile (`users.lookupByEmail`) is not done yet; unmapped people are not invited.",
      ),
    commandPrefix: z
      .string()
      .regex(/^[!.$%&?]$/, { message: "expected one character of ! . $ % & ?" })
      .default("!")
      .describe(
        "Messages in an incident channel starting with this character are commands (`!ack`). Slack keeps `/` for its own slash commands, so use `/incident ack` or `!ack`.",
      ),
    mirrorTimeline: z
      .boolean()
      .default(true)
      .describe("Post each timeline entry to the channel as it happens, and edit it when the entry changes."),
    afterResolve: z
      .enum(["archive", "rename", "keep"])
      .default("archive")
      .describe(
        "What happens to the channel after resolution: `archive` it, `rename` it with a `-resolved` suffix, or `keep` it open. The PIR link is posted first.",
      ),
  })
  .prefault({})
  .describe("War room in Slack (§15): a channel per incident, mirrored timeline, commands from Slack.");

export type WarRoomConfig = z.output<typeof WarRoomSchema>;
