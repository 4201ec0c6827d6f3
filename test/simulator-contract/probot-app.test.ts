import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import { INCIDENT_HISTORY_QUERY } from "../../src/github/queries.js";
import { historyVariables } from "../../src/github/read-history.js";
import { START } from "./contract-world.js";

/**
 * A real Probot 14 app against the simulator: JWT, installation token, Probot's
 * config loader (raw contents, org `.github` fallback), GraphQL and REST, and signed
 * webhooks verified by Probot itself.
 */

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));

let sim: Simulator;
let server: Server;
const seen: { config: unknown; historyTitle: unknown }[] = [];

beforeAll(async () => {
  sim = await startSimulator({ clock: createClock(START), appId: 7, appSlug: "incident-bot" });
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const probot = new Probot({
    appId: 7,
    privateKey,
    secret: "test-secret",
    baseUrl: sim.url,
    Octokit: TestOctokit,
    logLevel: "fatal",
  });
  const middleware = await createNodeMiddleware(
    (app) => {
      app.on("issues.opened", async (context) => {
        const config = await context.config("incident.yml");
        const history = await context.octokit.graphql<{ repository: { issue: { title: string } } }>(
          INCIDENT_HISTORY_QUERY,
          {
            ...context.repo(),
            number: context.payload.issue.number,
            ...historyVariables(ConfigSchema.parse({}), START, { withRecent: false, id: null }),
          },
        );
        seen.push({ config, historyTitle: history.repository.issue.title });
        await context.octokit.rest.issues.createComment(context.issue({ body: "Incident declared" }));
      });
    },
    { probot },
  );
  server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sim.setWebhookTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`);
  sim.createOrg("acme", ["alice"]);
  sim.createRepo({ owner: "acme", name: "svc", files: { ".github/incident.yml": "mode: repo\n" } });
  sim.createRepo({ owner: "acme", name: "api" });
  sim.createRepo({ owner: "acme", name: ".github", files: { ".github/incident.yml": "mode: org\n" } });
  await sim.installApp("acme", ["svc", "api", ".github"]);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sim.close();
});

describe("a Probot app against the simulator", () => {
  it("receives signed webhooks, authenticates, reads config, queries and writes", async () => {
    await sim.as("alice").rest.issues.create({ owner: "acme", repo: "svc", title: "DB down" });
    await sim.as("alice").rest.issues.create({ owner: "acme", repo: "api", title: "API down" });
    await sim.settle();
    expect(seen).toEqual([
      { config: { mode: "repo" }, historyTitle: "DB down" },
      { config: { mode: "org" }, historyTitle: "API down" },
    ]);
    const { data: comments } = await sim.as("alice").rest.issues.listComments({
      owner: "acme",
      repo: "svc",
      issue_number: 1,
    });
    expect(comments.map((c) => [c.user?.login, c.body])).toEqual([
      ["incident-bot[bot]", "Incident declared"],
    ]);
    expect(sim.deliveries.map((d) => `${d.event}.${d.action}:${d.status}`)).toEqual([
      "installation.created:200",
      "issues.opened:200",
      "issues.opened:200",
      "issue_comment.created:200",
      "issue_comment.created:200",
    ]);
    const first = sim.deliveries[1];
    const appCalls = sim.appRequests().filter((e) => e.delivery === first?.id);
    expect(appCalls.map((e) => e.operation ?? e.graphql)).toEqual([
      "repos/get-content",
      "IncidentHistory",
      "issues/create-comment",
    ]);
  });
});
