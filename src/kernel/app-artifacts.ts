import type { HistoryComment, IssueHistory } from "./history.js";
import { idFromTitle, parseId } from "./incident-id.js";
import { isApp, trustedMarkers } from "./markers.js";

/**
 * What the app has already written on the issue, found by its own markers in its
 * own comments: the timeline and declaration comments, replies by source, and the
 * id it claimed. This is how a redelivered webhook knows its work is done.
 */
export interface AppArtifacts {
  /** Oldest first; more than one means two handlers raced, and the extras are removed. */
  timelines: HistoryComment[];
  declarations: HistoryComment[];
  /** Keys of replies already posted (`source:line:version`, `outsider:login`, `config:hash`). */
  replies: Set<string>;
  /** The comments behind each reply key, oldest first; more than one means two handlers raced. */
  replyComments: Map<string, HistoryComment[]>;
}

export function appArtifacts(history: IssueHistory, botLogin: string): AppArtifacts {
  const found: AppArtifacts = {
    timelines: [],
    declarations: [],
    replies: new Set(),
    replyComments: new Map(),
  };
  const reply = (key: string, comment: HistoryComment) => {
    found.replies.add(key);
    found.replyComments.set(key, [...(found.replyComments.get(key) ?? []), comment]);
  };
  for (const item of history.items) {
    if (item.type !== "comment") continue;
    for (const marker of trustedMarkers(item, botLogin)) {
      if (marker.kind === "timeline") found.timelines.push(item);
      else if (marker.kind === "declaration") found.declarations.push(item);
      else if (marker.kind === "reply" && marker.fields.key) reply(marker.fields.key, item);
      else if (marker.kind === "config-error" && marker.fields.hash)
        reply(`config:${marker.fields.hash}`, item);
    }
  }
  return found;
}

/**
 * The incident id the app claimed: from its declaration comment if there is one,
 * else from its own latest rename of the title. A person typing `[INC-…]` into a
 * title claims nothing.
 */
export function claimedId(history: IssueHistory, botLogin: string): string | null {
  let id: string | null = null;
  for (const item of history.items) {
    if (item.type === "renamed" && isApp(item.actor, botLogin)) id = idFromTitle(item.to) ?? id;
    if (item.type === "comment") {
      for (const marker of trustedMarkers(item, botLogin)) {
        if (marker.kind === "declaration" && marker.fields.id && parseId(marker.fields.id))
          id = marker.fields.id;
      }
    }
  }
  return id;
}
