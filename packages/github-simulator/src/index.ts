/**
 * The GitHub simulator: a stateful stand-in for the part of GitHub a Probot app uses,
 * served on 127.0.0.1. `simulator.ts` holds the API; README.md says what it covers.
 * Exported: what the app's tests, its demo and its benchmarks use, nothing more.
 */

export { botOctokit } from "./bot-octokit.js";
export { type ChatReceiver, startChatReceiver } from "./chat-receiver.js";
export { createClock, createRealClock, type SimClock } from "./clock.js";
export type { DeliveryFaultOptions } from "./faults/delivery-faults.js";
export { mulberry32 } from "./faults/prng.js";
export type { FaultableRequest, RequestFaultKind, RequestFaultOptions } from "./faults/request-faults.js";
export { githubSchema } from "./graphql/github-schema.js";
export type { RequestLogEntry } from "./http/sim-server.js";
export { BENCH_LATENCY, type LatencyModel } from "./latency/latency-model.js";
export { Simulator, startSimulator } from "./simulator.js";
export type { GitData } from "./store/code-model.js";
export { blobSha } from "./store/git-objects.js";
export type { Comment, Repo, SimState } from "./store/model.js";
export type { SeedIssue } from "./store/seed-issues.js";
export type { Delivery, DeliveryMode } from "./webhooks/delivery-queue.js";
