import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, type Probot } from "probot";
import { WEBHOOK_PATH, WEBHOOK_SECRET } from "../../test/support/harness.js";
import { testProbot } from "../../test/support/probot.js";

/** The baseline: a bare Probot app that answers each person's comment with one comment. */
export function bareApp(app: Probot): void {
  app.on("issue_comment.created", async (context) => {
    if (context.isBot) return;
    await context.octokit.rest.issues.createComment(context.issue({ body: "Noted." }));
  });
}

/** Serves `bareApp` over HTTP like the harness serves ours: same middleware, same test Octokit. */
export async function startBareServer(simUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const probot = testProbot({ baseUrl: simUrl, secret: WEBHOOK_SECRET });
  const middleware = await createNodeMiddleware(bareApp, { probot, webhooksPath: WEBHOOK_PATH });
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
