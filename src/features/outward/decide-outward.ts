import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
import type { AppArtifacts } from "../../kernel/app-artifacts.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { isApp, readMarkers } from "../../kernel/markers.js";
import { type ChatNotice, chatNotice } from "./chat-notice.js";
import { dueNotices } from "./due-notices.js";
import { EMPTY_LEDGER, type Ledger, ledgerFields, readLedger } from "./ledger.js";
import { outwardWords } from "./outward-words.js";
import { publicHash, publicIncident } from "./status-page/public-view.js";
import { stateLabel } from "./status-page/site-model.js";
import { siteUrl } from "./status-page/site-url.js";

/**
 * What the incident owes the outside world, decided from its history: the chat
 * notices due since the ledger in the timeline comment's marker, whether the status
 * page must be published again, and the replies that go with both. The new ledger
 * rides on the timeline comment the same plan writes, which claims the notices
 * before they are sent: a redelivered webhook finds them claimed.
 */
export interface OutwardInput {
  /** The public hash this event has just published (the site is up to date for it). */
  published?: string | null;
  /** This event tried to publish that hash and could not. */
  publishFailure?: { hash: string | null; reason: string };
}

export interface OutwardDecision {
  /** Fields of the timeline comment's marker. */
  ledger: Record<string, string>;
  notices: ChatNotice[];
  /** The site must be published for this hash of the incident's public updates (null: none left). */
  publication: { hash: string | null } | null;
}

type ReplyFn = (key: string, body: (marker: string) => string) => void;

const short = (text: string) => createHash("sha1").update(text).digest("hex").slice(0, 8);

export function decideOutward(
  state: IncidentState,
  history: IssueHistory,
  artifacts: AppArtifacts,
  ctx: { config: Config; botLogin: string; id: string; title: string; input: OutwardInput; reply: ReplyFn },
): OutwardDecision {
  const { config, input } = ctx;
  const timeline = artifacts.timelines[0];
  const recorded = timeline
    ? readLedger(readMarkers(timeline.body).find((m) => m.kind === "timeline")?.fields ?? {})
    : EMPTY_LEDGER;
  const { due, ledger } = dueNotices(state.entries, recorded, latestAppWrite(history, ctx.botLogin));
  const noticeContext = { state, config, id: ctx.id, title: ctx.title, issueUrl: history.issue.url };
  // A drill claims its notices (so none is sent if the label comes off later) and sends none,
  // but a page that went out before the drill began is still acknowledged and resolved.
  const all = due.map((entry) => chatNotice(entry, noticeContext));
  const notices = state.drill ? closingPages(state, all) : all;

  const current = publicHash(publicIncident(state, config, ctx.id));
  const published = input.published !== undefined ? input.published : recorded.published;
  const publication =
    config.statusPage.enabled && !state.drill && current !== published ? { hash: current } : null;
  const next: Ledger = { ...ledger, published };

  const site = siteUrl(config, history.repo.nameWithOwner);
  const upToDate = !config.statusPage.enabled || state.drill || current === published;
  for (const ack of state.acknowledgements) {
    if (ack.kind !== "accepted" || ack.command.kind !== "public-status" || !upToDate) continue;
    const { command, comment } = ack;
    const key = `${comment.databaseId}:${ack.line}:${short(JSON.stringify(command))}`;
    ctx.reply(key, (marker) =>
      [
        marker,
        state.drill
          ? outwardWords.drillNotPublished(stateLabel(command.state))
          : state.security
            ? outwardWords.securityNotPublished(stateLabel(command.state))
            : config.statusPage.enabled
              ? outwardWords.published(site, stateLabel(command.state), command.text)
              : outwardWords.recordedOnly(stateLabel(command.state)),
        "",
      ].join("\n"),
    );
  }
  const failure = input.publishFailure;
  if (failure) {
    ctx.reply(`publish-failed:${failure.hash ?? "none"}`, (marker) =>
      [marker, outwardWords.publishFailed(failure.reason), ""].join("\n"),
    );
  }
  return { ledger: ledgerFields(next), notices, publication };
}

/** During a drill: only the acknowledgement and resolution of a page sent before it began, for the paging service alone. */
function closingPages(state: IncidentState, notices: readonly ChatNotice[]): ChatNotice[] {
  const drill = state.drill;
  const declared = state.times.declared;
  if (!drill || !declared || declared >= drill.at) return [];
  return notices
    .filter((notice) => notice.event === "acknowledged" || notice.event === "resolved")
    .map((notice) => ({ ...notice, pageOnly: true, pageKeys: pagedBefore(state, drill.at) }));
}

/** Keys of the pages of its own sent before the drill began: later ones were never sent. */
function pagedBefore(state: IncidentState, drillAt: Date): string[] {
  const keys = state.entries.flatMap((entry) => (entry.page && entry.at < drillAt ? [entry.page.key] : []));
  return [...new Set(keys)];
}

/** When the app last wrote on the issue: bounds a ledger that was never written. */
function latestAppWrite(history: IssueHistory, botLogin: string): Date | null {
  let latest: Date | null = null;
  for (const item of history.items) {
    if (item.type !== "comment" || !isApp(item.author, botLogin)) continue;
    const at = item.editedAt ?? item.at;
    if (!latest || at > latest) latest = at;
  }
  return latest;
}

/** On resolution: the status page still shows the incident as ongoing. */
export function publicReminder(state: IncidentState, config: Config): string | null {
  const last = state.publicUpdates.at(-1);
  if (!config.statusPage.enabled || state.drill || !last || last.state === "resolved") return null;
  return outwardWords.stillShown(stateLabel(last.state));
}
