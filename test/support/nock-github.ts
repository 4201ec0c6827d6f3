import nock from "nock";
import { bot, type HistoryBuilder } from "./history-builder.js";
import { rawHistoryResponse } from "./raw-history.js";

/**
 * GitHub for `probot.receive` tests: nock answers the app's requests from a
 * HistoryBuilder and applies its writes to it, so the verify read sees them.
 * `requests` lists what the app did, as `METHOD path` or the GraphQL operation name.
 */
export interface NockGitHub {
  requests: string[];
  scope: nock.Scope;
}

const API = "https://api.github.com";

export function nockGitHub(
  builder: HistoryBuilder,
  options: { owner: string; repo: string; at: string },
): NockGitHub {
  const requests: string[] = [];
  const { owner, repo } = options;
  const issuePath = new RegExp(`^/repos/${owner}/${repo}/issues/(\\d+)$`);
  const scope = nock(API)
    .persist()
    .post("/app/installations/1/access_tokens")
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} })
    .get(/\/contents\/\.github(%2F|\/)incident\.yml/)
    .reply(404, { message: "Not Found" })
    .patch(issuePath)
    .reply(200, (_uri, body) => {
      requests.push("PATCH issue");
      const patch = body as { title?: string; labels?: string[]; assignees?: string[]; state?: string };
      const issue = builder.history.issue;
      if (patch.title && patch.title !== issue.title) builder.rename(patch.title, options.at);
      for (const label of patch.labels ?? issue.labels)
        if (!issue.labels.includes(label)) builder.label(label, options.at, bot);
      for (const label of [...issue.labels])
        if (patch.labels && !patch.labels.includes(label)) builder.unlabel(label, options.at, bot);
      issue.assignees = patch.assignees ?? issue.assignees;
      if (patch.state === "closed" && issue.state === "OPEN") builder.close(options.at, bot);
      if (patch.state === "open" && issue.state === "CLOSED") builder.reopen(options.at, bot);
      return {};
    })
    .post("/graphql")
    .reply(200, (_uri, body) => {
      const { query, variables } = body as { query: string; variables: Record<string, unknown> };
      const operation = /(query|mutation) (\w+)/.exec(query)?.[2] ?? "?";
      requests.push(operation);
      const raw = () => rawHistoryResponse(builder.history);
      switch (operation) {
        case "IncidentHistory":
          return { data: raw() };
        case "AddComment":
          builder.comment(String(variables.body), options.at, bot);
          return { data: { addComment: { commentEdge: { node: { issue: raw().issueWithRepository } } } } };
        case "UpdateComment": {
          const comment = builder.history.items.find(
            (item) => item.type === "comment" && item.id === variables.id,
          );
          if (comment?.type === "comment") comment.body = String(variables.body);
          return { data: { updateIssueComment: { issueComment: { issue: raw().issueWithRepository } } } };
        }
        case "AddReaction": {
          const comment = builder.history.items.find(
            (item) => item.type === "comment" && item.id === variables.subjectId,
          );
          if (comment?.type === "comment") comment.appReactions.push(variables.content as "EYES");
          return { data: { addReaction: { reaction: { content: variables.content } } } };
        }
        default:
          return { errors: [{ message: `nock-github: ${operation} not faked` }] };
      }
    });
  return { requests, scope };
}
