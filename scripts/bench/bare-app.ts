import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, type Probot } from "probot";
import { ConfigSchema } from "../../src/config/schema.js";
import { historyVariables } from "../../src/github/history-variables.js";
import { readHistory } from "../../src/github/read-history.js";
import { idFromTitle } from "../../src/kernel/incident-id.js";
import { WEBHOOK_PATH, WEBHOOK_SECRET } from "../../test/support/harness.js";
import { testProbot } from "../../test/support/probot.js";

/** The baseline: a bare Probot app that answers each person's comment with one comment. */
export function bareApp(app: Probot): void {
  app.on("issue_comment.created", async (context) => {
    if (context.isBot) return;
    await context.octokit.rest.issues.createComment(context.issue({ body: "Noted." }));
  });
}

/**
 * The least our design must do per event, for comparison only: read the issue's
 * history with the app's own read (`readHistory`, the same query and paging), then
 * answer with one comment. No config, no decision, no timeline.
 */
export function readingApp(app: Probot): void {
  const config = ConfigSchema.parse({});
  app.on("issue_comment.created", async (context) => {
    if (context.isBot) return;
    const { owner, repo } = context.repo();
    const issue = context.payload.issue;
    const id = idFromTitle(issue.title);
    const variables = historyVariables(config, new Date(), { withRecent: id === null, id });
    await readHistory(context.octokit, { owner, repo, number: issue.number }, variables);
    await context.octokit.rest.issues.createComment(context.issue({ body: "Noted." }));
  });
}

/**
 * The floor for any app that reads before it writes, for comparison only: one
 * GraphQL read of a single field (the issue's title), then one comment.
 */
export function titleReadingApp(app: Probot): void {
  app.on("issue_comment.created", async (context) => {
    if (context.isBot) return;
    const { owner, repo } = context.repo();
    await context.octokit.graphql(
      "query IssueTitle($owner: String!, $repo: String!, $number: Int!) { repository(owner: $owner, name: $repo) { issue(number: $number) { title } } }",
      { owner, repo, number: context.payload.issue.number },
    );
    await context.octokit.rest.issues.createComment(context.issue({ body: "Noted." }));
  });
}

/** Serves a baseline app over HTTP like the harness serves ours: same middleware, same test Octokit. */
export async function startBareServer(
  simUrl: string,
  app: (probot: Probot) => void = bareApp,
): Promise<{ url: string; close(): Promise<void> }> {
  const probot = testProbot({ baseUrl: simUrl, secret: WEBHOOK_SECRET });
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: WEBHOOK_PATH });
  const server: Server = createServer((req, res) => {
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
