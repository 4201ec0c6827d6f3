import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import nock from "nock";
import { type Context, Probot, ProbotOctokit } from "probot";

/**
 * Runs `inHandler` inside an `issues.opened` handler of a real Probot app, for the
 * example payload on Codertocat/Hello-World (installation 1), and returns what it
 * returned. The access-token request (made with the first API call) is mocked here.
 */

type WebhookExample = { name: string; actions: string[]; examples: Array<Record<string, unknown>> };

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookExample[];

export const API = "https://api.github.com";

export function issuesOpenedPayload(): Record<string, unknown> {
  const payload = examples
    .find((example) => example.name === "issues")
    ?.examples.find((e) => e.action === "opened");
  if (!payload) throw new Error("no issues.opened example in @octokit/webhooks-examples");
  return { ...structuredClone(payload), installation: { id: 1 } };
}

let privateKey: string | undefined;

/** Generated once per test file, never committed. */
function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return privateKey;
}

export async function inIssuesOpenedHandler<T>(
  inHandler: (context: Context<"issues.opened">) => Promise<T>,
): Promise<T> {
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: ConstructorParameters<typeof ProbotOctokit>[0]) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...options?.throttle, enabled: false },
    })),
  });
  let result: { value: T } | undefined;
  await probot.load((app) => {
    app.on("issues.opened", async (context) => {
      result = { value: await inHandler(context) };
    });
  });
  nock(API)
    .post("/app/installations/1/access_tokens")
    .reply(201, {
      token: "ghs_test",
      expires_at: "2099-01-01T00:00:00Z",
      permissions: { contents: "read", issues: "write" },
      repository_selection: "all",
    });
  await probot.receive({ id: "delivery-1", name: "issues", payload: issuesOpenedPayload() } as Parameters<
    Probot["receive"]
  >[0]);
  if (!result) throw new Error("the issues.opened handler did not run");
  return result.value;
}
