import { AsyncLocalStorage } from "node:async_hooks";
import type { Octokit as CoreOctokit } from "@octokit/core";
import type Bottleneck from "bottleneck";

/**
 * GraphQL reads are not spaced like writes. The throttling plugin sends every
 * `POST /graphql` through its write limiter (one request a second per installation),
 * because it cannot tell a query from a mutation; GitHub asks for that spacing only
 * for requests that change something (a query costs 1 secondary point, a mutation 5).
 * Spaced, an event's write waited a second after its read began (about 0.7 s more per
 * command at GitHub's usual latency) and a sweep job waited between its reads and
 * its reminder. A query is recognised here, and its request skips the write limiter.
 */
const reading = new AsyncLocalStorage<true>();

// An operation starts the document or follows the closing brace of the one before;
// the app's documents have no string literals that could hold the word.
const MUTATION = /(?:^|\})\s*mutation\b/;

export function isGraphqlRead(options: { method?: string; url?: string; query?: unknown }): boolean {
  if (options.method !== "POST" || !/\/graphql$/.test(options.url ?? "")) return false;
  if (typeof options.query !== "string") return false;
  return !MUTATION.test(options.query.replace(/#[^\n]*/g, ""));
}

/** Runs GraphQL reads in a context the write limiter below recognises (register after throttling). */
export function markGraphqlReads(octokit: CoreOctokit) {
  octokit.hook.wrap("request", (request, options) =>
    isGraphqlRead(options as Parameters<typeof isGraphqlRead>[0])
      ? reading.run(true, () => request(options))
      : request(options),
  );
  return {};
}

/**
 * The throttling plugin's write group (it only ever calls `key(id).schedule(options, task)`),
 * letting the requests of `markGraphqlReads` through at once.
 */
export function writesOnly(group: Bottleneck.Group) {
  return {
    key(id = "") {
      return {
        // The limiter is looked up only for a write: with REDIS_URL making one costs Redis
        // scripts, a subscription and a heartbeat every few seconds for its idle life, which
        // an installation whose work only reads (most sweep jobs) has no use for.
        schedule<T>(options: Bottleneck.JobOptions, task: () => PromiseLike<T>): Promise<T> {
          return reading.getStore() ? Promise.resolve(task()) : group.key(id).schedule(options, task);
        },
      };
    },
  };
}
