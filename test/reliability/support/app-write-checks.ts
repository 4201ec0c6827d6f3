import { expect } from "vitest";
import type { Config } from "../../../src/config/schema.js";
import { appArtifacts } from "../../../src/kernel/app-artifacts.js";
import type { IssueHistory } from "../../../src/kernel/history.js";
import type { IncidentState } from "../../../src/kernel/incident-state.js";
import { readMarkers } from "../../../src/kernel/markers.js";
import { COMMENT_LIMIT, SHORTENED_NOTE } from "../../../src/render/fit-comment.js";
import { notifiedMentions } from "./hostile-input.js";

/** What every body the app writes must be, and what every command must have got. */
export interface CheckCounts {
  bodies: number;
  mentionsChecked: number;
  errorsAnswered: number;
  longest: number;
}

export const newCheckCounts = (): CheckCounts => ({
  bodies: 0,
  mentionsChecked: 0,
  errorsAnswered: 0,
  longest: 0,
});

/** People someone named: whoever acted on the issue, whoever an accepted command named, the config. */
export function allowedMentions(history: IssueHistory, state: IncidentState, config: Config): Set<string> {
  const named = new Set<string>();
  const add = (handle: string | null | undefined) =>
    handle && named.add(handle.replace(/^@/, "").toLowerCase());
  add(history.issue.author?.login);
  for (const item of history.items) add(item.type === "comment" ? item.author?.login : item.actor?.login);
  // Whoever an accepted command named (`/ic @u`), even if a later command replaced them.
  for (const ack of state.acknowledgements)
    if (ack.kind === "accepted" && ack.command.kind === "role")
      add(ack.command.handle === "me" ? ack.comment.author?.login : ack.command.handle);
  // …and the owner an accepted `/action` named (`/action … @acme/eng-managers`).
  for (const ack of state.acknowledgements)
    if (ack.kind === "accepted" && ack.command.kind === "action" && ack.command.owner)
      add(ack.command.owner === "me" ? ack.comment.author?.login : ack.command.owner);
  for (const handle of [...config.onCall.primary, ...config.onCall.secondary]) add(handle);
  for (const level of config.escalation) for (const handle of level.notify) add(handle);
  for (const severity of config.severities) for (const handle of severity.notify) add(handle);
  return named;
}

/** One marker, first, on its own line; no mention of anyone not named; within the limit without cutting. */
export function checkAppBody(body: string, allowed: Set<string>, counts: CheckCounts): void {
  counts.bodies += 1;
  counts.longest = Math.max(counts.longest, body.length);
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  expect(body.endsWith(SHORTENED_NOTE), body.slice(0, 200)).toBe(false);
  expect(readMarkers(body).length, body.slice(0, 200)).toBe(1);
  expect(body.split("\n")[0]).toMatch(/^<!-- incident-app:/);
  for (const handle of notifiedMentions(body)) {
    counts.mentionsChecked += 1;
    expect(allowed.has(handle), `@${handle} in ${body.slice(0, 300)}`).toBe(true);
  }
}

/** 👀 on every accepted command; 😕 and a reply for every error and every outsider. */
export function checkAnswered(
  history: IssueHistory,
  state: IncidentState,
  botLogin: string,
  counts: CheckCounts,
) {
  const replies = appArtifacts(history, botLogin).replies;
  for (const ack of state.acknowledgements) {
    if (ack.kind === "accepted") {
      expect(ack.comment.appReactions, ack.comment.body.slice(0, 200)).toContain("EYES");
      continue;
    }
    counts.errorsAnswered += 1;
    expect(ack.comment.appReactions, ack.comment.body.slice(0, 200)).toContain("CONFUSED");
    const key =
      ack.kind === "outsider"
        ? `outsider:${ack.comment.author?.login}`
        : `${ack.comment.databaseId}:problems:`;
    expect(
      [...replies].some((reply) => reply.startsWith(key)),
      key,
    ).toBe(true);
  }
}
