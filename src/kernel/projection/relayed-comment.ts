import { association } from "../../config/schema.js";
import type { Association, HistoryComment } from "../history.js";
import { trustedMarkers } from "../markers.js";

/**
 * A command typed in Slack reaches the issue as a comment the app posts for the
 * person (§15), with a `from-slack` marker naming their GitHub login and the
 * association the app checked on the repository when it relayed it. Trusted only in
 * the app's own comments: the projection then reads the comment as theirs.
 */

export interface RelayedComment {
  comment: HistoryComment;
  /** The Slack channel it was typed in (its name), for the timeline's "from Slack". */
  channel: string;
}

export function relayedComment(comment: HistoryComment, botLogin: string): RelayedComment | null {
  const found = trustedMarkers(comment, botLogin).find((marker) => marker.kind === "from-slack");
  const login = found?.fields.login;
  if (!found || !login) return null;
  const checked = association.safeParse(found.fields.assoc);
  const assoc: Association = checked.success ? checked.data : "NONE";
  return {
    comment: { ...comment, author: { login, kind: "User" }, association: assoc },
    channel: found.fields.name ?? found.fields.channel ?? "",
  };
}
