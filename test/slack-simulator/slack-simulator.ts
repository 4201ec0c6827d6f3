import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ALL_SCOPES } from "./method-scopes.js";
import { type Delivery, deliver, messageEventBody, slashCommandForm } from "./send-to-app.js";
import { createState, findChannel, type SimUser } from "./sim-state.js";
import type { RequestLogEntry, SlackSimulator, SlackSimulatorOptions } from "./simulator-handle.js";
import { dispatchMethod, parseArgs, parseLoose, readBody, send } from "./web-api-dispatch.js";

/**
 * A Slack Web API simulator on 127.0.0.1 (see README.md): `@slack/web-api`'s
 * WebClient talks to it through `slackApiUrl`, and it sends the app signed slash
 * commands and events the way Slack does.
 */

export type { RequestLogEntry, SlackSimulator, SlackSimulatorOptions } from "./simulator-handle.js";

export const BOT_USER_ID = "U0SIMBOT1";
export const BOT_ID = "B0SIMBOT1";

export function createSlackSimulator(options: SlackSimulatorOptions): SlackSimulator {
  const now = options.now ?? Date.now;
  const state = createState();
  const requests: RequestLogEntry[] = [];
  const deliveries: Delivery[] = [];
  const limits = new Map<string, { times: number; retryAfter: number }>();
  const counters = new Map<string, number>();
  let lastTs = { seconds: 0, micro: 0 };
  let server: Server | null = null;
  let url = "";

  const nowSeconds = () => Math.floor(now() / 1000);
  const nextId = (prefix: string) => {
    const count = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, count);
    return `${prefix}0SIM${String(count).padStart(5, "0")}`;
  };
  const nextTs = () => {
    const seconds = nowSeconds();
    lastTs =
      seconds > lastTs.seconds ? { seconds, micro: 1 } : { seconds: lastTs.seconds, micro: lastTs.micro + 1 };
    return `${lastTs.seconds}.${String(lastTs.micro).padStart(6, "0")}`;
  };
  state.users.set(BOT_USER_ID, {
    id: BOT_USER_ID,
    name: "incident-app",
    realName: "Incident app",
    email: null,
    isBot: true,
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const raw = await readBody(request);
    const contentType = request.headers["content-type"] ?? "";
    if (path.startsWith("/response/")) {
      state.responseUrlPosts.push({ responseUrl: `${url}${path}`, body: parseLoose(raw) });
      return send(response, 200, { ok: true });
    }
    const method = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path)?.[1];
    if (!method) return send(response, 404, { ok: false, error: "unknown_method" });
    const args = parseArgs(raw, contentType);
    const bearer = /^Bearer\s+(\S+)$/.exec(request.headers.authorization ?? "")?.[1];
    const token = bearer ?? (typeof args.token === "string" ? args.token : null);
    const { status, result, retryAfter } = dispatchMethod(method, token, args, {
      state,
      limits,
      nowSeconds,
      nextTs,
      nextId,
    });
    requests.push({ method, contentType, token, args, status, response: result });
    if (retryAfter !== undefined) response.setHeader("retry-after", String(retryAfter));
    send(response, status, result);
  }

  const sim: SlackSimulator = {
    get url() {
      return url;
    },
    state,
    requests,
    deliveries,
    async start() {
      server = createServer((request, response) => {
        handle(request, response).catch((error: unknown) =>
          send(response, 500, { ok: false, error: String(error) }),
        );
      });
      await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return sim;
    },
    async close() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
    },
    addUser(user) {
      const added: SimUser = {
        id: user.id,
        name: user.name,
        realName: user.realName ?? user.name,
        email: user.email ?? null,
        isBot: false,
      };
      state.users.set(user.id, added);
      return added;
    },
    addBotToken(token, scopes = ALL_SCOPES) {
      state.tokens.set(token, { userId: BOT_USER_ID, botId: BOT_ID, scopes });
    },
    rateLimit(method, times, retryAfter) {
      limits.set(method, { times, retryAfter });
    },
    calls: (method) => requests.filter((entry) => entry.method === method),
    async sendSlashCommand(input, overrides) {
      const target = input.url ?? options.commandUrl;
      if (!target) throw new Error("sendSlashCommand: no url and no commandUrl option");
      const responseUrl = `${url}/response/${randomUUID()}`;
      const body = slashCommandForm(input, {
        team: state.team,
        userName: state.users.get(input.userId)?.name ?? input.userId,
        channelName: state.channels.get(input.channelId)?.name ?? "directmessage",
        responseUrl,
        triggerId: `${nowSeconds()}.${randomUUID().slice(0, 8)}`,
      });
      const delivery = await deliver(
        "slash-command",
        target,
        body,
        "application/x-www-form-urlencoded",
        options.signingSecret,
        nowSeconds(),
        overrides,
      );
      deliveries.push(delivery);
      return { ...delivery, responseUrl };
    },
    async sendMessageEvent(input, overrides) {
      const target = input.url ?? options.eventsUrl;
      if (!target) throw new Error("sendMessageEvent: no url and no eventsUrl option");
      const channel = findChannel(state, input.channel);
      const ts = nextTs();
      // The person's message is in the channel before Slack tells the app about it.
      state.messages.push({
        channel: channel?.id ?? input.channel,
        ts,
        user: input.user,
        botId: null,
        text: input.text,
        blocks: null,
        metadata: null,
        threadTs: null,
        subtype: null,
        edited: null,
      });
      const body = messageEventBody(
        {
          channel: channel?.id ?? input.channel,
          user: input.user,
          text: input.text,
          ts,
          channelType: channel?.isPrivate ? "group" : "channel",
        },
        {
          teamId: state.team.id,
          eventId: `Ev${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
          eventTime: nowSeconds(),
        },
      );
      const delivery = await deliver(
        "event",
        target,
        body,
        "application/json",
        options.signingSecret,
        nowSeconds(),
        overrides,
      );
      deliveries.push(delivery);
      return { ...delivery, ts };
    },
  };
  return sim;
}
