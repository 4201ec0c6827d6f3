import type { Context, Logger } from "probot";
import { findCommandLines } from "../commands/command-lines.js";
import { findCommand } from "../commands/index.js";

/**
 * Every log line of an event names it: Probot's `id` (the delivery id), plus the
 * event, the repository, the issue and the commands of the comment that caused it.
 * The incident id is added once the history has been read. Never the payload.
 */
interface EventPayload {
  action?: string;
  repository?: { full_name?: string };
  issue?: { number?: number };
  pull_request?: { number?: number };
  comment?: { body?: string | null };
}

const MAX_LOGGED_COMMANDS = 10;

export function eventFields(context: Pick<Context, "name" | "payload">): Record<string, unknown> {
  const payload = context.payload as EventPayload;
  const fields: Record<string, unknown> = {
    event: payload.action ? `${context.name}.${payload.action}` : context.name,
  };
  if (payload.repository?.full_name) fields.repo = payload.repository.full_name;
  const number = payload.issue?.number ?? payload.pull_request?.number;
  if (number !== undefined) fields.issue = number;
  const body = payload.comment?.body;
  if (typeof body === "string") {
    // Canonical names of known commands; anything else is logged as "unknown", never as typed.
    const commands = findCommandLines(body)
      .slice(0, MAX_LOGGED_COMMANDS)
      .map((line) => findCommand(line.word)?.name ?? "unknown");
    if (commands.length) fields.commands = commands;
  }
  return fields;
}

/** Gives the handler's context (and the requests it makes) a logger with the event's fields. */
export function withEventLog<C extends Context>(handler: (context: C) => Promise<void>) {
  return (context: C): Promise<void> => {
    const log: Logger = context.log.child(eventFields(context));
    context.log = log;
    // Octokit logs its requests to the app-wide logger; this event's octokit is its own.
    context.octokit.log = log.child({ name: "github" });
    return handler(context);
  };
}
