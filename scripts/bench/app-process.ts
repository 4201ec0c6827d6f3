import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApplicationFunction, createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/app.js";
import { withJsonAnswers } from "../../src/github/json-answers.js";

/**
 * The app alone in its own process, for measuring its memory: the same wiring as
 * the test harness (Probot's Node middleware, retries and throttling off against
 * the simulator), the real clock, and `GET /bench/memory` answering
 * `process.memoryUsage()` after a full garbage collection (run with --expose-gc)
 * and the CPU time spent so far; `GET /bench/cpu` the CPU time alone, without collecting.
 * Settings come from the environment: GITHUB_URL, PRIVATE_KEY, WEBHOOK_SECRET, and
 * APP=bare for the baseline instead (bare-app.ts's app: one comment per comment).
 */
const Octokit = withJsonAnswers(ProbotOctokit).defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options?.throttle as object), enabled: false },
}));

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`app-process: ${name} is not set`);
  return value;
};

const probot = new Probot({
  appId: 1,
  privateKey: env("PRIVATE_KEY"),
  secret: env("WEBHOOK_SECRET"),
  baseUrl: env("GITHUB_URL"),
  Octokit,
  logLevel: "warn",
});
/** The same baseline as bare-app.ts, here so this process loads nothing of the test harness. */
const bare: ApplicationFunction = (app) => {
  app.on("issue_comment.created", async (context) => {
    if (context.isBot) return;
    await context.octokit.rest.issues.createComment(context.issue({ body: "Noted." }));
  });
};
const app = process.env.APP === "bare" ? bare : createApp();
const middleware = await createNodeMiddleware(app, { probot, webhooksPath: "/api/github/webhooks" });
const gc = (globalThis as { gc?: () => void }).gc;

const server = createServer((req, res) => {
  // CPU time alone, without the full collection `/bench/memory` forces (which would count as the app's).
  if (req.method === "GET" && req.url === "/bench/cpu") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(process.cpuUsage()));
    return;
  }
  if (req.method === "GET" && req.url === "/bench/memory") {
    gc?.();
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ...process.memoryUsage(), cpu: process.cpuUsage() }));
    return;
  }
  middleware(req, res, () => {
    res.statusCode = 404;
    res.end("not found");
  });
});
server.listen(0, "127.0.0.1", () => {
  console.log(`app-process listening on ${(server.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
