import type { MethodArgs, MethodResult } from "./method-context.js";
import type { Delivery, SignOverrides, SlashCommandInput } from "./send-to-app.js";
import type { SimState, SimUser } from "./sim-state.js";

/** The typed handle tests hold: the server, its state and log, and what it sends the app. */

export interface SlackSimulatorOptions {
  /** The app's signing secret; what the simulator signs its requests with. */
  signingSecret: string;
  /** Where slash commands and events go unless a call names another URL. */
  commandUrl?: string;
  eventsUrl?: string;
  /** Milliseconds since the epoch; defaults to the real clock. */
  now?: () => number;
}

export interface RequestLogEntry {
  method: string;
  contentType: string;
  token: string | null;
  args: MethodArgs;
  status: number;
  response: MethodResult;
}

export interface SlackSimulator {
  readonly url: string;
  readonly state: SimState;
  readonly requests: RequestLogEntry[];
  readonly deliveries: Delivery[];
  start(): Promise<SlackSimulator>;
  close(): Promise<void>;
  addUser(user: { id: string; name: string; email?: string; realName?: string }): SimUser;
  /** A token for the app's bot user; all scopes unless `scopes` says otherwise. */
  addBotToken(token: string, scopes?: readonly string[]): void;
  /** The next `times` calls of `method` answer 429 with `Retry-After: retryAfter`. */
  rateLimit(method: string, times: number, retryAfter: number): void;
  /** Calls of one method from the log. */
  calls(method: string): RequestLogEntry[];
  sendSlashCommand(
    input: SlashCommandInput & { url?: string },
    overrides?: SignOverrides,
  ): Promise<Delivery & { responseUrl: string }>;
  sendMessageEvent(
    input: { channel: string; user: string; text: string; url?: string },
    overrides?: SignOverrides,
  ): Promise<Delivery & { ts: string }>;
}
