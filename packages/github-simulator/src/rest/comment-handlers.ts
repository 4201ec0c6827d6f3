import { atOrAfter } from "../clock.js";
import { addReaction, createComment, deleteComment, updateComment } from "../store/comment-writes.js";
import { REACTION_CONTENTS, type Reaction, type ReactionContent } from "../store/model.js";
import { SimError } from "../store/sim-error.js";
import { commentShape, reactionShape } from "./issue-shapes.js";
import {
  bodyOf,
  commentFor,
  issueFor,
  paginated,
  repoFor,
  sinceFilter,
  stringField,
} from "./rest-helpers.js";
import type { RestHandler, RestRequest, RestResponse } from "./rest-types.js";

function reactionContent(req: RestRequest): ReactionContent {
  const content = stringField(bodyOf(req), "content");
  const match = REACTION_CONTENTS.find((c) => c === content);
  if (!match) {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      { resource: "Reaction", code: "invalid", field: "content", value: content },
    ]);
  }
  return match;
}

function listReactions(req: RestRequest, reactions: Reaction[]): RestResponse {
  const content = req.url.searchParams.get("content");
  const selected = content ? reactions.filter((r) => r.content === content) : reactions;
  return paginated(
    req,
    selected.map((r) => reactionShape(req.ctx, r)),
  );
}

export const commentHandlers: Record<string, RestHandler> = {
  "issues/create-comment": (req) => {
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    const comment = createComment(
      req.ctx.store,
      req.caller.login,
      repo,
      issue,
      stringField(bodyOf(req), "body") ?? "",
    );
    return {
      status: 201,
      body: commentShape(req.ctx, repo, comment),
      headers: {
        location: `${req.ctx.apiUrl}/repos/${repo.owner}/${repo.name}/issues/comments/${comment.id}`,
      },
    };
  },

  "issues/get-comment": (req) => {
    const repo = repoFor(req);
    return { status: 200, body: commentShape(req.ctx, repo, commentFor(req, repo).comment) };
  },

  "issues/update-comment": (req) => {
    const repo = repoFor(req);
    const { comment, issue } = commentFor(req, repo);
    updateComment(
      req.ctx.store,
      req.caller.login,
      repo,
      issue,
      comment,
      stringField(bodyOf(req), "body") ?? "",
    );
    return { status: 200, body: commentShape(req.ctx, repo, comment) };
  },

  "issues/delete-comment": (req) => {
    const repo = repoFor(req);
    const { comment, issue } = commentFor(req, repo);
    deleteComment(req.ctx.store, req.caller.login, repo, issue, comment);
    return { status: 204 };
  },

  "issues/list-comments": (req) => {
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    const since = sinceFilter(req);
    const comments = issue.commentIds
      .map((id) => req.ctx.store.findComment(id))
      .filter((c) => c !== null)
      .filter((c) => !since || atOrAfter(c.updatedAt, since));
    return paginated(
      req,
      comments.map((c) => commentShape(req.ctx, repo, c)),
    );
  },

  "reactions/create-for-issue": (req) => {
    const repo = repoFor(req);
    const issue = issueFor(req, repo);
    const { reaction, created } = addReaction(
      req.ctx.store,
      req.caller.login,
      repo,
      issue,
      reactionContent(req),
    );
    return { status: created ? 201 : 200, body: reactionShape(req.ctx, reaction) };
  },

  "reactions/create-for-issue-comment": (req) => {
    const repo = repoFor(req);
    const { comment } = commentFor(req, repo);
    const content = reactionContent(req);
    const { reaction, created } = addReaction(req.ctx.store, req.caller.login, repo, comment, content);
    return { status: created ? 201 : 200, body: reactionShape(req.ctx, reaction) };
  },

  "reactions/list-for-issue": (req) => {
    const repo = repoFor(req);
    return listReactions(req, issueFor(req, repo).reactions);
  },

  "reactions/list-for-issue-comment": (req) => {
    const repo = repoFor(req);
    return listReactions(req, commentFor(req, repo).comment.reactions);
  },
};
