import { atOrAfter } from "../clock.js";
import type { SimContext } from "../sim-context.js";
import { permissionOf } from "../store/access.js";
import type { ClosedEventCloser, Issue, Repo, TimelineEvent, TimelineItem } from "../store/model.js";
import { accountView, accountViewByLogin } from "./account-view.js";
import { connection } from "./connection.js";
import { type Args, argString, argStrings, type GqlContext, type View } from "./gql-types.js";
import { commentView, issueView } from "./issue-view.js";
import { pullView } from "./pull-view.js";
import { labelView, repoView } from "./repo-view.js";

/** `LABELED_EVENT` -> `LabeledEvent`. */
function typenameOf(itemType: string): string {
  return itemType
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

export function eventView(sim: SimContext, repo: Repo, issue: Issue, event: TimelineEvent): View {
  const subject = () => issueView(sim, repo, issue);
  const base: View = {
    __typename: event.kind,
    id: event.nodeId,
    databaseId: event.id,
    createdAt: event.createdAt,
    actor: () => accountViewByLogin(sim, event.actor),
  };
  switch (event.kind) {
    case "LabeledEvent":
    case "UnlabeledEvent":
      return {
        ...base,
        label: () => labelView(sim, repo, sim.store.labelById(repo, event.labelId)),
        labelable: subject,
      };
    case "ClosedEvent": {
      const path = `/${repo.owner}/${repo.name}/issues/${issue.number}#event-${event.id}`;
      return {
        ...base,
        stateReason: event.stateReason.toUpperCase(),
        closable: subject,
        closer: (_args: Args, ctx: GqlContext) => closerView(ctx, event.closer ?? null),
        url: `${sim.htmlUrl}${path}`,
        resourcePath: path,
      };
    }
    case "ReopenedEvent":
      return { ...base, closable: subject, stateReason: null };
    case "AssignedEvent":
    case "UnassignedEvent": {
      const assignee = () => accountView(sim, sim.store.requireAccount(event.assignee));
      return { ...base, assignee, user: assignee, assignable: subject };
    }
    case "RenamedTitleEvent":
      return { ...base, previousTitle: event.previousTitle, currentTitle: event.currentTitle, subject };
    case "CrossReferencedEvent": {
      const from = event.sourceRepoId === undefined ? repo : sim.store.repoById(event.sourceRepoId);
      const source = sim.store.findIssue(from, event.source);
      const path = `/${repo.owner}/${repo.name}/issues/${issue.number}#ref-${event.id}`;
      return {
        ...base,
        referencedAt: event.createdAt,
        isCrossRepository: from.id !== repo.id,
        willCloseTarget: event.willCloseTarget,
        url: `${sim.htmlUrl}${path}`,
        resourcePath: path,
        target: subject,
        source: () =>
          source?.pull ? pullView(sim, from, source) : source ? issueView(sim, from, source) : null,
      };
    }
    case "TransferredEvent":
      return {
        ...base,
        issue: subject,
        fromRepository: () => repoView(sim, sim.store.repoById(event.fromRepoId)),
      };
  }
}

/**
 * The pull request that closed the issue by its description's keyword (`Fixes #12`), in
 * any repository; null where the viewer cannot see that repository.
 */
function closerView(ctx: GqlContext, closer: ClosedEventCloser | null): View | null {
  if (!closer) return null;
  const repo = ctx.sim.store.repoById(closer.repoId);
  const pull = ctx.sim.store.findIssue(repo, closer.number);
  if (!pull?.pull || !permissionOf(ctx.sim.store, ctx.viewer, repo)) return null;
  return pullView(ctx.sim, repo, pull);
}

function itemView(sim: SimContext, repo: Repo, issue: Issue, item: TimelineItem): View | null {
  if (item.kind !== "IssueComment") return eventView(sim, repo, issue, item);
  const comment = sim.store.findComment(item.commentId);
  return comment ? commentView(sim, repo, issue, comment) : null;
}

function createdAtOf(sim: SimContext, item: TimelineItem): string {
  if (item.kind !== "IssueComment") return item.createdAt;
  return sim.store.findComment(item.commentId)?.createdAt ?? "";
}

/** The issue's history in order, filtered by `itemTypes` and `since`, paged by sequence cursors. */
export function timelineItemsConnection(sim: SimContext, repo: Repo, issue: Issue, args: Args): View {
  const wanted = argStrings(args, "itemTypes")?.map(typenameOf);
  const since = argString(args, "since");
  const items = issue.timeline.filter(
    (item) => (!wanted || wanted.includes(item.kind)) && (!since || atOrAfter(createdAtOf(sim, item), since)),
  );
  return connection(items, args, {
    field: "timelineItems",
    typename: "IssueTimelineItemsConnection",
    edgeTypename: "IssueTimelineItemsEdge",
    toNode: (item) => itemView(sim, repo, issue, item),
    key: (item) => item.seq,
    extra: { updatedAt: issue.updatedAt },
  });
}
