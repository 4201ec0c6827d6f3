/**
 * Argument parsers of the commands that drive an incident: declare, acknowledge,
 * severity, status and its shorthands, roles, notes, times, updates, resolution.
 */

import { PUBLIC_STATES } from "../config/outward-schema.js";
import {
  type ArgParser,
  bad,
  EXTRA_TEXT,
  exampleOf,
  missing,
  noArguments,
  ok,
  oneHandle,
  optionalText,
  splitFirst,
} from "./argument-result.js";
import { FUTURE_EXPECTED, parseTimePrefix, TIME_EXPECTED } from "./parse-time.js";
import type { ParseContext, RoleName } from "./types.js";
import {
  describeSeverities,
  describeStatuses,
  HANDLE_EXPECTED,
  looksLikeSeverity,
  matchRole,
  matchSeverity,
  matchStatus,
  parseHandle,
  ROLE_EXPECTED,
} from "./vocabulary.js";

const severityExample = (ctx: ParseContext): string =>
  `/severity ${ctx.severities[1]?.name ?? ctx.severities[0]?.name ?? "SEV-2"}`;

const declare: ArgParser = (args, ctx) => {
  if (args === "") return ok({ kind: "declare", severity: null, title: null });
  const [first, rest] = splitFirst(args);
  const severity = matchSeverity(first, ctx.severities);
  // `high` or `3` lead a title as often as they name a severity (`/declare high
  // latency`, `/declare 3 regions down`): before a title only `SEV-3`, `P2`… count.
  const unambiguous = /\d/.test(first) && /[a-z]/i.test(first);
  if (severity !== null && (unambiguous || rest === ""))
    return ok({ kind: "declare", severity, title: optionalText(rest) });
  if (severity === null && looksLikeSeverity(first)) {
    const example = `/declare ${ctx.severities[1]?.name ?? "SEV-2"} ${rest || "Checkout errors"}`;
    return bad("declare", "severity", first, describeSeverities(ctx.severities), example);
  }
  return ok({ kind: "declare", severity: null, title: args });
};

const severity: ArgParser = (args, ctx) => {
  const [first, rest] = splitFirst(args);
  if (first === "")
    return missing("severity", "severity", describeSeverities(ctx.severities), severityExample(ctx));
  const name = matchSeverity(first, ctx.severities);
  if (name === null) {
    return bad("severity", "severity", first, describeSeverities(ctx.severities), severityExample(ctx));
  }
  return ok({ kind: "severity", severity: name, reason: optionalText(rest) });
};

const statusExample = (ctx: ParseContext): string =>
  `/status ${ctx.statuses[1] ?? ctx.statuses[0] ?? "identified"}`;

const PUBLIC_EXAMPLE = "/status public identified We found the cause and are rolling out a fix.";
const PUBLIC_EXPECTED = `one of ${PUBLIC_STATES.join(", ")} (a unique prefix is enough)`;

/** `/status public <state> <text>`: the state customers see and the words they read. */
const publicStatus: ArgParser = (args) => {
  const [first, rest] = splitFirst(args);
  if (first === "") return missing("status", "public state", PUBLIC_EXPECTED, PUBLIC_EXAMPLE);
  const state = matchStatus(first, PUBLIC_STATES);
  if (state === null) return bad("status", "public state", first, PUBLIC_EXPECTED, PUBLIC_EXAMPLE);
  if (rest === "")
    return missing("status", "text", "the customer-facing update, after the state", PUBLIC_EXAMPLE);
  return ok({ kind: "public-status", state: state as (typeof PUBLIC_STATES)[number], text: rest });
};

const status: ArgParser = (args, ctx) => {
  const [first, rest] = splitFirst(args);
  if (first.toLowerCase() === "public") return publicStatus(rest, ctx);
  if (first === "") return missing("status", "status", describeStatuses(ctx.statuses), statusExample(ctx));
  const name = matchStatus(first, ctx.statuses);
  if (name === null)
    return bad("status", "status", first, describeStatuses(ctx.statuses), statusExample(ctx));
  return ok({ kind: "status", status: name, text: optionalText(rest) });
};

/** `/identified` and friends: a fixed status, which the configuration must have. */
function statusShorthand(command: string, wanted: (ctx: ParseContext) => string): ArgParser {
  return (args, ctx) => {
    const target = wanted(ctx);
    const name = ctx.statuses.find((candidate) => candidate.toLowerCase() === target.toLowerCase());
    if (name === undefined)
      return bad(command, "status", target, describeStatuses(ctx.statuses), statusExample(ctx));
    return ok({ kind: "status", status: name, text: optionalText(args) });
  };
}

function roleCommand(role: RoleName): ArgParser {
  return (args) => {
    const handle = oneHandle(role, args, HANDLE_EXPECTED);
    return typeof handle === "string" ? ok({ kind: "role", role, handle }) : handle;
  };
}

const comms: ArgParser = (args) => {
  const [first, rest] = splitFirst(args);
  if (first.toLowerCase() === "draft") {
    return rest === ""
      ? ok({ kind: "comms-draft" })
      : bad("comms", EXTRA_TEXT, rest, "nothing after `draft`");
  }
  const handle = oneHandle("comms", args, `${HANDLE_EXPECTED}, or \`draft\` for a customer update`);
  return typeof handle === "string" ? ok({ kind: "role", role: "comms", handle }) : handle;
};

const role: ArgParser = (args) => {
  const [first, rest] = splitFirst(args);
  if (first === "") return missing("role", "role", ROLE_EXPECTED, exampleOf("role"));
  const name = matchRole(first);
  if (name === null) return bad("role", "role", first, ROLE_EXPECTED, exampleOf("role"));
  const handle = oneHandle("role", rest, HANDLE_EXPECTED);
  return typeof handle === "string" ? ok({ kind: "role", role: name, handle }) : handle;
};

const note: ArgParser = (args, ctx) => {
  const example = exampleOf("note");
  if (args === "") return missing("note", "text", "what to add to the timeline", example);
  const [first, rest] = splitFirst(args);
  if (first.toLowerCase() !== "at") return ok({ kind: "note", at: null, text: args });
  const time = parseTimePrefix(rest, ctx.now, ctx.timeZone);
  // `/note at least three customers…`: `at` that is not followed by a time is text.
  if (!time.ok && time.reason === "not-a-time") return ok({ kind: "note", at: null, text: args });
  if (!time.ok)
    return bad("note", "time", time.got, time.reason === "future" ? FUTURE_EXPECTED : TIME_EXPECTED, example);
  if (time.rest === "")
    return missing("note", "text", "what to add to the timeline, after the time", example);
  return ok({ kind: "note", at: time.at, text: time.rest });
};

function timeCommand(kind: "started" | "detected"): ArgParser {
  return (args, ctx) => {
    const example = exampleOf(kind);
    const [first, rest] = splitFirst(args);
    const text = first.toLowerCase() === "at" ? rest : args;
    if (text === "") return missing(kind, "time", TIME_EXPECTED, example);
    const time = parseTimePrefix(text, ctx.now, ctx.timeZone);
    if (!time.ok)
      return bad(kind, "time", time.got, time.reason === "future" ? FUTURE_EXPECTED : TIME_EXPECTED, example);
    if (time.rest !== "") return bad(kind, EXTRA_TEXT, time.rest, "nothing after the time", example);
    return ok({ kind, at: time.at });
  };
}

const requiredText =
  (kind: "update", what: string): ArgParser =>
  (args) =>
    args === "" ? missing(kind, "text", what, exampleOf(kind)) : ok({ kind, text: args });

const PAGE_EXPECTED = "`@alice`, `primary`, `secondary`, or a service named under `paging` in incident.yml";

/** `/page @bob …`, `/page primary …`, `/page checkout …`: the first word is whom, the rest the message. */
const page: ArgParser = (args) => {
  const [first, rest] = splitFirst(args);
  if (first === "") return missing("page", "target", PAGE_EXPECTED, exampleOf("page"));
  const message = optionalText(rest);
  const word = first.replace(/[.,;:!?]+$/, "");
  const role = word.toLowerCase();
  if (role === "primary" || role === "secondary")
    return ok({ kind: "page", target: { kind: "role", role }, message });
  if (word.startsWith("@")) {
    const handle = parseHandle(word);
    if (handle === null || handle.includes("/"))
      return bad("page", "person", first, PAGE_EXPECTED, exampleOf("page"));
    return ok({ kind: "page", target: { kind: "person", login: handle }, message });
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(word))
    return bad("page", "target", first, PAGE_EXPECTED, exampleOf("page"));
  return ok({ kind: "page", target: { kind: "service", name: word }, message });
};

export const INCIDENT_ARGUMENTS = {
  declare,
  // "/ack on it" is how people type at 3 a.m.: the words go on the timeline.
  ack: (args) => ok({ kind: "ack", text: optionalText(args) }),
  severity,
  status,
  identified: statusShorthand("identified", () => "identified"),
  mitigating: statusShorthand("mitigating", () => "mitigating"),
  mitigated: statusShorthand("mitigated", (ctx) => ctx.mitigatedStatus ?? "monitoring"),
  monitoring: statusShorthand("monitoring", () => "monitoring"),
  ic: roleCommand("ic"),
  lead: roleCommand("lead"),
  comms,
  scribe: roleCommand("scribe"),
  role,
  note,
  started: timeCommand("started"),
  detected: timeCommand("detected"),
  update: requiredText("update", "the status update to post"),
  resolve: (args) => ok({ kind: "resolve", summary: optionalText(args) }),
  reopen: (args) => ok({ kind: "reopen", reason: optionalText(args) }),
  "false-positive": (args) => ok({ kind: "false-positive", reason: optionalText(args) }),
  drill: noArguments("drill", { kind: "drill" }),
  security: noArguments("security", { kind: "security" }),
  escalate: (args) => ok({ kind: "escalate", note: optionalText(args) }),
  page,
  timeline: noArguments("timeline", { kind: "timeline" }),
  help: noArguments("help", { kind: "help" }),
  oncall: noArguments("oncall", { kind: "oncall" }),
} satisfies Record<string, ArgParser>;
