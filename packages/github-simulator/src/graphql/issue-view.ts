import type { SimContext } from "../sim-context.js";
import { authorAssociation } from "../store/access.js";
import type { Comment, Issue, Reaction, ReactionContent, Repo } from "../store/model.js";
import { REACTION_CONTENTS } from "../store/model.js";
import { accountView } from "./account-view.js";
import { connection } from "./connection.js";
import type { Args, GqlContext, View } from "./gql-types.js";
import { issueProjectItems } from "./project-view.js";
import { labelView, repoView } from "./repo-view.js";
import { timelineItemsConnection } from "./timeline-view.js";

export const GRAPHQL_REACTION: Record<ReactionContent, string> = {
  "+1": "THUMBS_UP",
  "-1": "THUMBS_DOWN",
  laugh: "LAUGH",
  hooray: "HOORAY",
  confused: "CONFUSED",
  heart: "HEART",
  rocket: "ROCKET",
  eyes: "EYES",
};

export function reactionFromGraphql(content: string): ReactionContent | null {
  return REACTION_CONTENTS.find((c) => GRAPHQL_REACTION[c] === content) ?? null;
}

export function reactionView(sim: SimContext, reaction: Reaction, subject: () => View): View {
  return {
    __typename: "Reaction",
    id: reaction.nodeId,
    databaseId: reaction.id,
    content: GRAPHQL_REACTION[reaction.content],
    createdAt: reaction.createdAt,
    user: () => accountView(sim, sim.store.requireAccount(reaction.user)),
    reactable: subject,
  };
}

/** All eight groups, as GitHub returns them, with the viewer's own reaction flagged. */
export function reactionGroups(sim: SimContext, reactions: Reaction[], subject: () => View) {
  return (_args: Args, ctx: GqlContext): View[] =>
    REACTION_CONTENTS.map((content) => {
      const mine = reactions.filter((r) => r.content === content);
      const reactors = (args: Args) =>
        connection(mine, args, {
          field: "reactors",
          typename: "ReactorConnection",
          edgeTypename: "ReactorEdge",
          toNode: (r) => accountView(sim, sim.store.requireAccount(r.user)),
        });
      return {
        __typename: "ReactionGroup",
        content: GRAPHQL_REACTION[content],
        createdAt: mine[0]?.createdAt ?? null,
        viewerHasReacted: mine.some((r) => r.user.toLowerCase() === ctx.viewer.toLowerCase()),
        reactors,
        users: reactors,
        subject,
      };
    });
}

function stateReasonEnum(issue: Issue, args: Args): string | null {
  if (!issue.stateReason) return null;
  const value = issue.stateReason.toUpperCase();
  // Without `enableDuplicate`, GitHub reports duplicates as NOT_PLANNED.
  return value === "DUPLICATE" && args.enableDuplicate !== true ? "NOT_PLANNED" : value;
}

export function commentView(sim: SimContext, repo: Repo, issue: Issue, comment: Comment): View {
  const path = `/${repo.owner}/${repo.name}/issues/${issue.number}#issuecomment-${comment.id}`;
  const self = (): View => commentView(sim, repo, issue, comment);
  const mine = (ctx: GqlContext) => comment.author.toLowerCase() === ctx.viewer.toLowerCase();
  return {
    __typename: "IssueComment",
    id: comment.nodeId,
    databaseId: comment.id,
    fullDatabaseId: String(comment.id),
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    body: comment.body,
    bodyText: comment.body,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    publishedAt: comment.createdAt,
    lastEditedAt: comment.lastEditedAt,
    includesCreatedEdit: (comment.edits?.length ?? 0) > 0,
    userContentEdits: (args: Args) => userContentEdits(sim, comment, args),
    isMinimized: false,
    minimizedReason: null,
    author: () => accountView(sim, sim.store.requireAccount(comment.author)),
    editor: () => (comment.editor ? accountView(sim, sim.store.requireAccount(comment.editor)) : null),
    authorAssociation: authorAssociation(sim.store, comment.author, repo),
    viewerDidAuthor: (_args: Args, ctx: GqlContext) => mine(ctx),
    issue: () => issueView(sim, repo, issue),
    repository: () => repoView(sim, repo),
    reactionGroups: reactionGroups(sim, comment.reactions, self),
  };
}

/**
 * A comment's edit history as GitHub lists it, newest first: nothing until it is first
 * edited, then each edit and the original version (`includesCreatedEdit`).
 */
function userContentEdits(sim: SimContext, comment: Comment, args: Args): View {
  const edits = comment.edits ?? [];
  const versions = edits.length === 0 ? [] : [{ at: comment.createdAt, editor: comment.author }, ...edits];
  const listed = versions.map((version, index) => ({ ...version, index })).reverse();
  return connection(listed, args, {
    field: "userContentEdits",
    typename: "UserContentEditConnection",
    edgeTypename: "UserContentEditEdge",
    key: (_version, position) => position,
    toNode: (version) => ({
      __typename: "UserContentEdit",
      id: `UCE_${comment.id}_${version.index}`,
      createdAt: version.at,
      updatedAt: version.at,
      editedAt: version.at,
      editor: () => accountView(sim, sim.store.requireAccount(version.editor)),
      deletedAt: null,
      deletedBy: null,
      diff: null,
    }),
  });
}

export function issueView(sim: SimContext, repo: Repo, issue: Issue): View {
  const path = `/${repo.owner}/${repo.name}/issues/${issue.number}`;
  const self = (): View => issueView(sim, repo, issue);
  const users = (logins: string[], args: Args) =>
    connection(logins, args, {
      field: "assignees",
      typename: "UserConnection",
      edgeTypename: "UserEdge",
      toNode: (login) => accountView(sim, sim.store.requireAccount(login)),
    });
  return {
    __typename: "Issue",
    id: issue.nodeId,
    databaseId: issue.id,
    fullDatabaseId: String(issue.id),
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    bodyText: issue.body ?? "",
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    state: issue.state.toUpperCase(),
    closed: issue.state === "closed",
    stateReason: (args: Args) => stateReasonEnum(issue, args),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    publishedAt: issue.createdAt,
    closedAt: issue.closedAt,
    lastEditedAt: issue.lastEditedAt,
    locked: false,
    activeLockReason: null,
    includesCreatedEdit: false,
    author: () => accountView(sim, sim.store.requireAccount(issue.author)),
    authorAssociation: authorAssociation(sim.store, issue.author, repo),
    viewerDidAuthor: (_args: Args, ctx: GqlContext) =>
      issue.author.toLowerCase() === ctx.viewer.toLowerCase(),
    repository: () => repoView(sim, repo),
    assignees: (args: Args) => users(issue.assignees, args),
    labels: (args: Args) =>
      connection(
        issue.labelIds.map((id) => sim.store.labelById(repo, id)),
        args,
        {
          field: "labels",
          typename: "LabelConnection",
          edgeTypename: "LabelEdge",
          toNode: (label) => labelView(sim, repo, label),
        },
      ),
    comments: (args: Args) => {
      const comments = issue.commentIds.map((id) => sim.store.findComment(id)).filter((c) => c !== null);
      // `orderBy: { field: UPDATED_AT }` (GitHub's only order for issue comments); paged by position then.
      const order = args.orderBy as { field?: string; direction?: string } | undefined;
      if (order?.field === "UPDATED_AT") {
        const sign = order.direction === "DESC" ? -1 : 1;
        comments.sort((a, b) => sign * (a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id));
      }
      return connection(comments, args, {
        field: "comments",
        typename: "IssueCommentConnection",
        edgeTypename: "IssueCommentEdge",
        toNode: (comment) => commentView(sim, repo, issue, comment),
        key: (comment, index) => (order ? index : comment.id),
      });
    },
    timelineItems: (args: Args) => timelineItemsConnection(sim, repo, issue, args),
    projectItems: (args: Args, ctx: GqlContext) => issueProjectItems(sim, issue.nodeId, args, ctx),
    reactionGroups: reactionGroups(sim, issue.reactions, self),
  };
}
