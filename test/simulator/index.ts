/**
 * The GitHub simulator: a stateful stand-in for the part of GitHub the app uses, on
 * 127.0.0.1. See `simulator.ts` for the API and README.md for what it covers.
 */

export { type ChatReceiver, type ChatRequest, startChatReceiver } from "./chat-receiver.js";
export { createClock, createRealClock, type SimClock } from "./clock.js";
export type { DeliveryFaultOptions, DeliveryFaultStats, DeliveryFaults } from "./faults/delivery-faults.js";
export type { RequestFaultKind, RequestFaultOptions, RequestFaults } from "./faults/request-faults.js";
export type { RequestLogEntry } from "./http/sim-server.js";
export { type RepoSeed, Simulator, type SimulatorOptions, startSimulator } from "./simulator.js";
export type { Delivery, DeliveryMode } from "./webhooks/delivery-queue.js";
