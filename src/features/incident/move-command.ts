import type { Config } from "../../config/schema.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import type { DecideInput, MoveRefusal, Relocation, ReplyFn } from "./decide-input.js";
import { incidentWords } from "./incident-words.js";

/**
 * `/move [owner/repo]` (§13): the incident moves to the incidents repository
 * (`organisation.repository`, the bare command's target) or the security repository, the
 * same way `organisation.moveIncidents` moves it (`transferIssue`, a closed pointer left
 * behind). Only those two repositories are targets: a move is not a way to scatter
 * incidents. What can be known from the config is refused here; what only GitHub knows
 * (the app not installed there, a public target for a security incident, a refused
 * transfer) comes back as `moveCommandFailure` and is said on the command.
 * After the move, the moved issue's own run answers the command (`moved here from …`).
 */
export function decideMoveCommand(
  state: IncidentState,
  history: IssueHistory,
  input: Pick<DecideInput, "config" | "botLogin" | "moveCommandFailure">,
  replied: ReadonlySet<string>,
  reply: ReplyFn,
): Relocation | null {
  const { config } = input;
  const own = history.repo.nameWithOwner;
  let relocation: Relocation | null = null;
  for (const ack of state.acknowledgements) {
    if (ack.kind !== "accepted" || ack.command.kind !== "move") continue;
    const key = `move:${ack.comment.databaseId}:${ack.line}`;
    if (replied.has(key)) continue;
    const arrived = history.items.find((item) => item.type === "transferred" && item.at >= ack.comment.at);
    if (arrived?.type === "transferred") {
      reply(key, (m) => `${m}\n${incidentWords.moveCommandArrived(arrived.from, own)}\n`);
      continue;
    }
    const failure = input.moveCommandFailure;
    if (failure?.key === key) {
      const to = targetOf(ack.command, config) ?? "";
      const words = incidentWords.moveCommandFailed(
        own,
        to,
        failure.reason,
        retryHint(failure.why, to, config),
      );
      reply(key, (m) => `${m}\n${words}\n`);
      continue;
    }
    const refusal = refuse(state, own, ack.command, config);
    if (refusal) {
      reply(key, (m) => `${m}\n${refusal}\n`);
      continue;
    }
    const to = targetOf(ack.command, config);
    // One move per run; a second `/move` is answered where the incident arrives.
    if (to && !relocation) relocation = { to, privately: state.security, command: key };
  }
  return relocation;
}

/** The configured spelling of where the command asks to go; null for a bare `/move` with no incidents repository. */
function targetOf(command: { repository?: string }, config: Config): string | null {
  const named = command.repository;
  if (!named) return config.organisation.repository ?? null;
  return targets(config).find((one) => same(one, named)) ?? named;
}

function targets(config: Config): string[] {
  return [config.organisation.repository, config.security.repository].flatMap((one) => (one ? [one] : []));
}

function refuse(
  state: IncidentState,
  own: string,
  command: { repository?: string },
  config: Config,
): string | null {
  const allowed = targets(config);
  const to = targetOf(command, config);
  if (!to) return incidentWords.moveNoIncidentsRepository(own, allowed);
  if (same(to, own)) return incidentWords.moveAlreadyThere(to);
  if (!allowed.some((one) => same(one, to))) return incidentWords.moveNotATarget(to, allowed);
  if (!state.declaration || !state.id) return incidentWords.moveNotDeclared(to);
  return null;
}

/** What to type or fix after GitHub's answer. */
function retryHint(why: MoveRefusal, to: string, config: Config): string {
  const security = config.security.repository;
  switch (why) {
    case "public":
      return security && !same(security, to)
        ? `Type \`/move ${security}\` to move it to the security repository instead.`
        : "Make the target private, or set `security.repository` to a private repository, then type `/move` again.";
    case "not-visible":
      return `Install the app on \`${to}\` (Issues: write), then type \`/move ${to}\` again.`;
    case "archived":
      return `Unarchive \`${to}\` or change \`organisation.repository\`, then type \`/move\` again.`;
    case "refused":
      return `Check the app's Issues: write permission on both repositories, then type \`/move ${to}\` again.`;
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
