import type { Config } from "../../config/schema.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { isApp } from "../../kernel/markers.js";
import { exposedSecurityIncident } from "../../kernel/security-exposure.js";
import { dateTime, zoneLabel } from "../../render/format-time.js";
import type { ReplyFn } from "./decide-input.js";
import { incidentWords } from "./incident-words.js";

/**
 * Security incidents never stay in a public repository (§13): the issue moves to the
 * configured private one before the app writes anything else. Without one, or when the
 * move failed, it stays and the app says so once; the public surfaces stay closed to it
 * wherever it is (`exposedSecurityIncident`).
 */
export type SecurityMove = { to: string } | null;

export function securityMove(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
  moveFailure: string | null,
): SecurityMove {
  if (!exposedSecurityIncident(state, history) || moveFailure !== null) return null;
  const to = config.security.repository;
  if (!to || to.toLowerCase() === history.repo.nameWithOwner.toLowerCase()) return null;
  return { to };
}

/** The replies that go with a security incident: why it stays, or what was public before it moved here. */
export function securityReplies(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
  botLogin: string,
  moveFailure: string | null,
  reply: ReplyFn,
): void {
  if (!state.security) return;
  const repo = history.repo.nameWithOwner;
  if (exposedSecurityIncident(state, history)) {
    const to = config.security.repository;
    if (moveFailure !== null && to) {
      reply(`security:move-failed:${slug(moveFailure)}`, (m) =>
        [m, incidentWords.securityMoveFailed(repo, to, moveFailure), ""].join("\n"),
      );
    } else if (!to || to.toLowerCase() === repo.toLowerCase()) {
      reply("security:no-private-repository", (m) =>
        [m, incidentWords.securityNoPrivateRepository(repo), ""].join("\n"),
      );
    }
    return;
  }
  const moved = history.items.findLast((item) => item.type === "transferred" && !item.fromPrivate);
  if (moved?.type !== "transferred") return;
  const before = history.items.filter((item) => item.type === "comment" && item.at <= moved.at);
  const byApp = before.filter((item) => item.type === "comment" && isApp(item.author, botLogin)).length;
  const zone = config.timeZone;
  const stamp = (at: Date) => `${dateTime(at, zone)} ${zoneLabel(zone)}`;
  reply(`security:moved:${moved.from.toLowerCase()}`, (m) =>
    [
      m,
      incidentWords.securityMovedHere(
        moved.from,
        stamp(moved.at),
        stamp(history.issue.createdAt),
        before.length - byApp,
        byApp,
      ),
      "",
    ].join("\n"),
  );
}

function slug(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(36);
}
