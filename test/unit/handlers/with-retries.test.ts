import { RequestError } from "@octokit/request-error";
import { describe, expect, it } from "vitest";
import { scaledRetryPolicy } from "../../../src/github/retry-policy.js";
import { withRetries } from "../../../src/pipelines/with-retries.js";

const request = { method: "GET" as const, url: "https://api.github.com/x", headers: {} };
const failure = (status: number, headers: Record<string, string> = {}) =>
  new RequestError(status === 429 ? "secondary rate limit" : "failed", status, {
    request,
    response: { status, url: request.url, headers, data: {} },
  });
const quiet = { info: () => {}, warn: () => {} };

describe("withRetries", () => {
  it("runs the pipeline again after a 5xx, until it succeeds", async () => {
    let runs = 0;
    const result = await withRetries(
      async () => {
        runs += 1;
        if (runs < 3) throw failure(502);
        return "done";
      },
      scaledRetryPolicy(0.001),
      quiet,
    );
    expect([result, runs]).toEqual(["done", 3]);
  });

  it("gives up after the allowed attempts and rethrows", async () => {
    let runs = 0;
    const run = withRetries(
      async () => {
        runs += 1;
        throw failure(503);
      },
      scaledRetryPolicy(0.001, { attempts: 3 }),
      quiet,
    );
    await expect(run).rejects.toMatchObject({ status: 503 });
    expect(runs).toBe(3);
  });

  it("does not retry what a retry cannot fix", async () => {
    let runs = 0;
    await expect(
      withRetries(
        async () => {
          runs += 1;
          throw failure(422);
        },
        scaledRetryPolicy(0.001),
        quiet,
      ),
    ).rejects.toMatchObject({ status: 422 });
    expect(runs).toBe(1);
  });

  it("honours retry-after, and gives up when it does not fit in the time budget", async () => {
    const started = performance.now();
    let runs = 0;
    await withRetries(
      async () => {
        runs += 1;
        if (runs === 1) throw failure(429, { "retry-after": "20" });
      },
      scaledRetryPolicy(0.001),
      quiet,
    );
    // 20 s scaled by 0.001: at least 20 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
    runs = 0;
    const tooLong = withRetries(
      async () => {
        runs += 1;
        throw failure(429, { "retry-after": "60" });
      },
      scaledRetryPolicy(1),
      quiet,
    );
    await expect(tooLong).rejects.toMatchObject({ status: 429 });
    expect(runs).toBe(1);
  });
});
