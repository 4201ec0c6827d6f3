import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { Probot, ProbotOctokit } from "probot";
import { withJsonAnswers } from "../../src/github/json-answers.js";

/** Probot for tests: a key generated now (never committed), retries and throttling off; JSON answers parsed as in production. */
export const TestOctokit = withJsonAnswers(ProbotOctokit).defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options?.throttle as object), enabled: false },
}));

let privateKey: string | null = null;

export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  return privateKey;
}

export function testProbot(options: { baseUrl?: string; secret?: string } = {}): Probot {
  return new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    secret: options.secret ?? "test-secret",
    Octokit: TestOctokit,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    logLevel: (process.env.LOG_LEVEL as "warn" | undefined) ?? "warn",
  });
}

type Example = { name: string; examples: Array<Record<string, unknown> & { action?: string }> };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Example[];

/** A real payload from @octokit/webhooks-examples (a deep copy), with an installation. */
export function examplePayload(
  event: string,
  action: string,
): Record<string, unknown> & { installation: { id: number } } {
  const found = examples
    .find((entry) => entry.name === event)
    ?.examples.find((example) => example.action === action);
  if (!found) throw new Error(`no example payload for ${event}.${action}`);
  return { ...structuredClone(found), installation: { id: 1 } };
}

export type ReceiveEvent = Parameters<Probot["receive"]>[0];
