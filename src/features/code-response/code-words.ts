import { marker } from "../../kernel/markers.js";
import {
  CREATED_PULL,
  ROLLBACK_DEPLOYED_AT,
  ROLLBACK_DEPLOYMENT,
  ROLLBACK_SHA,
  ROLLBACK_SHORT_SHA,
} from "../../kernel/plan.js";
import { inline } from "../../render/markdown.js";

/**
 * The app's words for code response: replies to `/hotfix`, `/rollback`, `/revert` and `/pir`, the
 * bodies of the pull requests it opens, and its link comment on pull requests.
 */

export interface IncidentRef {
  id: string;
  number: number;
  url: string;
}

const incidentLink = (incident: IncidentRef) => `[${incident.id}](${incident.url})`;

export function hotfixCreatedReply(
  replyMarker: string,
  hotfix: { branch: string; from: string; compareUrl: string },
): string {
  return `${replyMarker}
🌿 Created the hotfix branch \`${hotfix.branch}\` from ${hotfix.from}. [Compare](${hotfix.compareUrl})

Push the fix there and open a pull request from it: it is linked on the timeline and exempt from the merge freeze.
`;
}

export function hotfixExistsReply(
  replyMarker: string,
  hotfix: { branch: string; oid: string; compareUrl: string },
): string {
  return `${replyMarker}
🌿 The hotfix branch \`${hotfix.branch}\` already exists (at \`${hotfix.oid.slice(0, 7)}\`). [Compare](${hotfix.compareUrl})
`;
}

export function revertPullBody(
  incident: IncidentRef,
  pr: number,
  source: { commentId: number; line: number; url: string },
  /** `owner/name` of the incident's repository, when the revert is opened in another one. */
  incidentRepository?: string,
): string {
  // In another repository, `#7` would name the wrong issue: `owner/name#7` links the incident.
  const ref = incidentRepository ? `${incidentRepository}#${incident.number}` : `#${incident.number}`;
  // Elsewhere the marker names the incident's repository and id: the revert's events reach it there.
  const where: Record<string, string> = incidentRepository
    ? { repo: incidentRepository, id: incident.id }
    : {};
  return `${marker("revert", { issue: incident.number, pr, source: `${source.commentId}:${source.line}`, ...where })}
Reverts #${pr} for incident ${incidentLink(incident)} (${ref}), as asked [on the incident](${source.url}).

Merge it to roll back. It is exempt from the incident's merge freeze.
`;
}

export function revertOpenedReply(replyMarker: string, pr: number | string): string {
  return `${replyMarker}
↩️ Opened ${CREATED_PULL} to revert ${typeof pr === "number" ? `#${pr}` : pr}. Merge it to roll back; it is exempt from the merge freeze.
`;
}

/** `pr` and `revert` as the incident names them: `#12` here, `acme/api#12` in another repository. */
export function revertKnownReply(replyMarker: string, pr: string, revert: string, state: string): string {
  return `${replyMarker}
↩️ ${pr} is reverted by ${revert} (${state.toLowerCase()}).
`;
}

export function pirPullBody(
  incident: IncidentRef & { severity: string },
  review: { path: string; due: string | null },
): string {
  return `${marker("pir", { issue: incident.number, id: incident.id })}
Post-incident review of ${incidentLink(incident)} (#${incident.number}, ${inline(incident.severity, 20)}).

\`${review.path}\` is prefilled from the incident: summary, impact, the full timeline, response times against targets, code changes and action items. Fill in the prompts (root cause, contributing factors, five whys, what went well, what could be improved, lessons learned, prevention), review the action items, and merge it${review.due ? ` by **${review.due}**` : ""}.

\`/pir\` on the incident refreshes the sections nobody has edited yet.
`;
}

export function pirOpenedReply(
  replyMarker: string,
  review: { path: string; due: string | null; reviewers: string[] },
): string {
  const reviewers = review.reviewers.length
    ? ` Reviews requested from ${review.reviewers.map((r) => `@${r}`).join(", ")}.`
    : "";
  return `${replyMarker}
📝 Opened ${CREATED_PULL}: the post-incident review, \`${review.path}\`, prefilled from the incident.${review.due ? ` Due **${review.due}**.` : ""}${reviewers}
`;
}

export function pirRefreshedReply(
  replyMarker: string,
  pull: number,
  change: { updated: string[]; kept: string[] },
): string {
  const kept = change.kept.length ? ` Kept as people edited them: ${change.kept.join(", ")}.` : "";
  const updated = change.updated.length ? `updated ${change.updated.join(", ")}` : "nothing to update";
  return `${replyMarker}
📝 Refreshed the review in #${pull} from the incident: ${updated}.${kept}
`;
}

export function pirStateReply(
  replyMarker: string,
  pull: number,
  state: "MERGED" | "CLOSED" | "CURRENT",
): string {
  const text = {
    MERGED: `The post-incident review #${pull} is already merged; change it with a new pull request.`,
    CLOSED: `The post-incident review #${pull} was closed without merging; reopen it, then \`/pir\` refreshes it.`,
    CURRENT: `The post-incident review #${pull} is up to date with the incident.`,
  }[state];
  return `${replyMarker}
📝 ${text}
`;
}

export function linkComment(incident: IncidentRef): string {
  return `${marker("link", { issue: incident.number })}
🔗 Part of incident ${incidentLink(incident)} (#${incident.number}): this pull request appears on its timeline.
`;
}

type CodeCommand = "revert" | "hotfix" | "rollback";
const DOING: Record<CodeCommand, string> = {
  revert: "revert a pull request",
  hotfix: "create a hotfix branch",
  rollback: "roll back",
};
const HERE: Record<CodeCommand, string> = {
  revert: "/revert #123",
  hotfix: "/hotfix",
  rollback: "/rollback",
};

/**
 * The reply to `/rollback`: the executor fills in the commit and the deployment it
 * created. `record` is the rollback marker, updated as the deployment's statuses arrive.
 */
export function rollbackStartedReply(
  replyMarker: string,
  record: string,
  rollback: { repository: string; environment: string; repoUrl: string },
): string {
  return `${replyMarker}
${record}
🔁 Rolling back \`${rollback.repository}\`: created deployment ${ROLLBACK_DEPLOYMENT} to \`${rollback.environment}\` of [\`${ROLLBACK_SHORT_SHA}\`](${rollback.repoUrl}/commit/${ROLLBACK_SHA}), a good commit deployed there successfully before impact started (at ${ROLLBACK_DEPLOYED_AT}). Your CD performs it; its progress shows here and on the timeline.
`;
}

/** The progress line under a rollback's reply, as its statuses arrive. */
export function rollbackProgress(statuses: ReadonlyArray<{ state: string; at: Date }>): string {
  const steps = statuses.map((s) => `${s.state.replace("_", " ")} ${s.at.toISOString().slice(11, 16)}`);
  return `Progress (UTC): ${steps.join(" → ")}`;
}

/** The reply to `/hotfix owner/repo from deployed`, the commit filled in by the executor. */
export function hotfixFromDeployedReply(
  replyMarker: string,
  hotfix: { branch: string; environment: string; compareUrl: string },
): string {
  return hotfixCreatedReply(replyMarker, {
    branch: hotfix.branch,
    from: `the last successful deployment to \`${hotfix.environment}\` (\`${ROLLBACK_SHORT_SHA}\`, deployed ${ROLLBACK_DEPLOYED_AT})`,
    compareUrl: hotfix.compareUrl,
  });
}

/** What code response says when a write fails or a command cannot be carried out. */
export const codeWords = {
  /** `pr`: a number here, `owner/name#N` in another repository. */
  checkFailed: (checkName: string, pr: number | string) =>
    `Could not set the \`${checkName}\` check on ${typeof pr === "number" ? `#${pr}` : pr}`,
  hotfixFailed: (branch: string) => `Could not create the hotfix branch \`${branch}\``,
  reviewOpenFailed: "Could not open the post-incident review",
  reviewWithheld: (repo: string) =>
    `🔒 No post-incident review was opened: this is a security incident and \`${repo}\` is public, so its review file would be public too. Write the review in a private repository, or set \`security.repository\` in \`.github/incident.yml\` to a private repository so security incidents move there.`,
  reviewRefreshFailed: "Could not refresh the post-incident review",
  revertFailed: (pr: string) => `Could not revert ${pr}`,
  rollbackFailed: (repository: string) => `Could not roll back \`${repository}\``,
  /** `/revert owner/repo#12`, `/hotfix owner/repo` or `/rollback owner/repo` naming a repository no service of the config lives in. */
  repositoryUnknown: (command: CodeCommand, repository: string, known: readonly string[]) =>
    `Could not ${DOING[command]} in \`${repository}\`: it is not the repository of any service in \`.github/incident.yml\`. ${
      known.length
        ? `The services' repositories are ${known.map((name) => `\`${name}\``).join(", ")}.`
        : "No service names a repository yet."
    } Add it as \`services.<name>.repository: ${repository}\`, or type \`${HERE[command]}\` for this repository.`,
  /** A bare `/hotfix` or `/rollback` in the incidents repository, when the affected services do not name one repository. */
  whichRepository: (command: "hotfix" | "rollback", affected: readonly string[], known: readonly string[]) =>
    affected.length > 1
      ? `Which repository? This incident affects services in ${affected.map((name) => `\`${name}\``).join(", ")}: name one, for example \`/${command} ${affected[0]}\`.`
      : `Which repository? This incident names no affected service with a repository of its own. ${
          known.length
            ? `Type \`/${command} owner/repo\` with one of ${known.map((name) => `\`${name}\``).join(", ")}.`
            : `Add \`services.<name>.repository\` to \`.github/incident.yml\`, then type \`/${command} owner/repo\`.`
        }`,
  rollbackAskedTwice: (repository: string) =>
    `A rollback of \`${repository}\` was asked for just above; this one starts nothing more.`,
  rollbackInProgress: (repository: string, deployment: number, sha: string, state: string) =>
    `A rollback of \`${repository}\` for this incident is already in progress: deployment ${deployment} of \`${sha.slice(0, 7)}\` (${state}). Wait for it to finish; if it is stuck, give it the status \`error\` or \`inactive\` and type the command again.`,
  reviewItemsFailed: (pr: number) => `Could not list the review's action items on #${pr}`,
  noDefaultCommit: "The default branch has no commit to branch from.",
  noDeployment: (environment: string) =>
    `No successful deployment to \`${environment}\` found, so there is nothing to branch from. Use \`/hotfix\` (the default branch) or \`/hotfix from <branch, tag or sha>\`.`,
};

/** The review's checklist section: how much was ticked, before the list of what was not. */
export function checklistSummary(done: number, total: number): string {
  return done === total
    ? `All ${total} checklist items were ticked during the incident.`
    : `${done} of ${total} checklist items were ticked during the incident. Left unticked (say why, or file an action item):`;
}

/** The review's action-items table: the Status cell of an item a pull request or commit closed. */
export const pirWords = {
  closedBy: (closer: string) => `done, closed by ${closer}`,
};
