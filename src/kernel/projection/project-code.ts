import type { Config } from "../../config/schema.js";
import { pullRef } from "../code-history.js";
import type { IssueHistory, PullFact } from "../history.js";
import type { IncidentState, LinkedPull, PullRole } from "../incident-state.js";
import { isApp, readMarkers, trustedMarkers } from "../markers.js";
import { hotfixBranch, pirBranch, revertedPull } from "../names.js";
import { codeEntriesElsewhere, deploymentRows, hotfixPullsElsewhere } from "./project-code-elsewhere.js";
import { rollbackEntries } from "./project-rollbacks.js";
import { addEntry } from "./state-changes.js";
import { timelineWords } from "./timeline-words.js";

/**
 * The code side of the projection: which pull requests belong to the incident (they
 * mention it, come from its hotfix branch, or are the app's revert and review pull
 * requests), and the timeline rows of their opening, merging and closing, of the
 * hotfix branch and of deployments to the watched environment during the incident.
 * Pull requests of other repositories (organisation mode) are told apart by URL and
 * named `owner/name#4`; the hotfix branches and deployments there come from
 * `project-code-elsewhere.ts`.
 */
export function projectCode(
  state: IncidentState,
  history: IssueHistory,
  config: Config,
  botLogin: string,
): void {
  if (!state.declaration) return;
  const id = state.id;
  const found = new Map<string, LinkedPull>();
  const add = (pull: PullFact, from: "mention" | "hotfix" | "review") => {
    const known = found.get(pull.url);
    const linked = classify(pull, from, history.issue.number, id, botLogin);
    if (!known || rank(linked.role) > rank(known.role)) found.set(pull.url, linked);
  };
  for (const item of history.items)
    if (item.type === "cross-referenced" && item.pull) add(item.pull, "mention");
  for (const pull of history.code.hotfixPulls) add(pull, "hotfix");
  for (const pull of hotfixPullsElsewhere(history)) add(pull, "hotfix");
  for (const pull of history.code.pirPulls) add(pull, "review");
  // The incident's own repository first, then the others by name; by number within each.
  const home = history.repo.nameWithOwner;
  const where = (pull: PullFact) => pullRef(pull, home).replace(/#\d+$/, "");
  state.linked = [...found.values()].sort(
    (a, b) => where(a.pull).localeCompare(where(b.pull)) || a.pull.number - b.pull.number,
  );
  for (const linked of state.linked) pullEntries(state, linked, botLogin, home);
  hotfixEntry(state, history, id, botLogin);
  const { defaultBranch, url } = history.repo;
  deploymentRows(state, config, {
    deployments: history.code.deployments,
    defaultBranch,
    url,
    repository: null,
  });
  codeEntriesElsewhere(state, history, config, botLogin);
  rollbackEntries(state, history, botLogin);
}

const RANKS: Record<PullRole, number> = { linked: 0, hotfix: 1, revert: 1, review: 2 };
const rank = (role: PullRole) => RANKS[role];

function classify(
  pull: PullFact,
  from: "mention" | "hotfix" | "review",
  issue: number,
  id: string | null,
  botLogin: string,
): LinkedPull {
  const markers = isApp(pull.author, botLogin) ? readMarkers(pull.body) : [];
  const revert = markers.find((m) => m.kind === "revert" && m.fields.issue === String(issue));
  if (revert) {
    return {
      pull,
      role: "revert",
      reverts: Number(revert.fields.pr) || null,
      source: revert.fields.source ?? null,
    };
  }
  const ownReview = markers.some((m) => m.kind === "pir" && m.fields.issue === String(issue));
  if (from === "review" || ownReview || (id && pull.headRefName === pirBranch(id))) {
    return { pull, role: "review", reverts: null, source: null };
  }
  if (from === "hotfix" || (id && pull.headRefName === hotfixBranch(id))) {
    return { pull, role: "hotfix", reverts: null, source: null };
  }
  const reverted = revertedPull(pull.headRefName);
  if (reverted !== null) return { pull, role: "revert", reverts: reverted, source: null };
  return { pull, role: "linked", reverts: null, source: null };
}

function describe(linked: LinkedPull, home: string): string {
  const ref = pullRef(linked.pull, home);
  switch (linked.role) {
    case "hotfix":
      return timelineWords.pull.hotfix(ref);
    case "revert": {
      // The reverted pull request lives beside its revert.
      const reverts = linked.reverts === null ? null : ref.replace(/#\d+$/, `#${linked.reverts}`);
      return timelineWords.pull.revert(ref, reverts);
    }
    case "review":
      return timelineWords.pull.review(ref);
    case "linked":
      return timelineWords.pull.linked(ref);
  }
}

function pullEntries(state: IncidentState, linked: LinkedPull, botLogin: string, home: string): void {
  const { pull } = linked;
  const name = describe(linked, home);
  const source = { url: pull.url };
  // The app's own pull requests read as the app's ("app"), like its other timeline rows.
  const author = isApp(pull.author, botLogin) ? null : (pull.author?.login ?? null);
  addEntry(state, "pull-request", pull.createdAt, author, timelineWords.pull.opened(name), {
    ...source,
    quote: pull.title,
  });
  if (pull.mergedAt) {
    addEntry(
      state,
      linked.role === "review" ? "review-merged" : "pull-request",
      pull.mergedAt,
      pull.mergedBy?.login ?? null,
      timelineWords.pull.merged(name),
      source,
    );
  } else if (pull.state === "CLOSED" && pull.closedAt) {
    addEntry(state, "pull-request", pull.closedAt, null, timelineWords.pull.closed(name), source);
  }
}

/**
 * The hotfix branch, at the first `/hotfix` that asked for it, once it exists; the
 * app's reply that created it keeps the row after the branch is deleted on merge.
 */
function hotfixEntry(state: IncidentState, history: IssueHistory, id: string | null, botLogin: string): void {
  if (!id) return;
  const created = history.items.some(
    (item) =>
      item.type === "comment" &&
      trustedMarkers(item, botLogin).some((m) => m.kind === "reply" && m.fields.branch === hotfixBranch(id)),
  );
  const branch = history.code.branches?.hotfix ?? (created ? { name: hotfixBranch(id) } : null);
  if (!branch) return;
  // A `/hotfix acme/api` made its branch there (`project-code-elsewhere.ts`), not this one.
  const own = history.repo.nameWithOwner.toLowerCase();
  const first = state.acknowledgements.find(
    (ack) =>
      ack.kind === "accepted" &&
      ack.command.kind === "hotfix" &&
      (!ack.command.repository || ack.command.repository.toLowerCase() === own),
  );
  if (first?.kind !== "accepted" || first.command.kind !== "hotfix") return;
  const words = timelineWords.hotfixFrom;
  const from =
    first.command.from === null
      ? words.defaultBranch(history.repo.defaultBranch)
      : first.command.from === "deployed"
        ? words.deployed
        : words.ref(first.command.from);
  addEntry(
    state,
    "hotfix",
    first.comment.at,
    first.comment.author?.login ?? null,
    timelineWords.hotfixBranch(branch.name, from),
    {
      url: `${history.repo.url}/compare/${history.repo.defaultBranch ?? "main"}...${branch.name}`,
      commentId: first.comment.databaseId,
    },
  );
}
