import { formatCommandError } from "../../commands/index.js";
import { whoMay } from "../../kernel/association-names.js";
import type { HistoryComment } from "../../kernel/history.js";
import type { Acknowledgement, IncidentState } from "../../kernel/incident-state.js";
import type { Plan } from "../../kernel/plan.js";
import { replyMessage } from "../../render/command-reply.js";
import type { Templates } from "../../render/renderer.js";
import { leftToOwnDelivery } from "./answered-elsewhere.js";
import { contentReply, short } from "./command-replies.js";
import type { DecideInput, MessageFn, ReplyFn } from "./decide-input.js";
import { incidentWords } from "./incident-words.js";

/** 👀 for what was accepted, 😕 and one reply per comment for what was not, content replies once. */
export function answerCommands(
  state: IncidentState,
  plan: Plan,
  reply: ReplyFn,
  message: MessageFn,
  input: DecideInput,
  templates: Templates,
) {
  const { config } = input;
  const reacted = new Set<string>();
  const react = (comment: HistoryComment, content: "EYES" | "CONFUSED") => {
    const key = `${comment.id}:${content}`;
    if (reacted.has(key) || comment.appReactions.includes(content)) return;
    reacted.add(key);
    plan.push({ kind: "react", subjectId: comment.id, content });
  };
  const problems = new Map<HistoryComment, string[]>();
  const outsiders = new Set<string>();
  for (const ack of state.acknowledgements) {
    if (leftToOwnDelivery(ack.comment, input.event, input.now)) continue;
    if (ack.kind === "outsider") {
      const login = ack.comment.author?.login ?? "ghost";
      // Every such comment gets 😕; the explanation goes to each person once.
      react(ack.comment, "CONFUSED");
      if (outsiders.has(login)) continue;
      outsiders.add(login);
      reply(`outsider:${login}`, (m) =>
        replyMessage(
          templates,
          m,
          [incidentWords.outsiderRefused(login, whoMay(config.permissions.commands))],
          "",
        ),
      );
      continue;
    }
    if (ack.kind === "rejected" || ack.kind === "refused") {
      react(ack.comment, "CONFUSED");
      const text =
        ack.kind === "rejected" ? formatCommandError(ack.error) : `\`${lineOf(ack)}\`: ${ack.reason}`;
      problems.set(ack.comment, [...(problems.get(ack.comment) ?? []), text]);
      continue;
    }
    react(ack.comment, "EYES");
    contentReply(state, ack, reply, message, input, templates);
  }
  for (const [comment, lines] of problems) {
    const login = comment.author?.login ?? "ghost";
    reply(`${comment.databaseId}:problems:${short(lines.join("\n"))}`, (m) =>
      replyMessage(
        templates,
        m,
        lines,
        incidentWords.problemsIntro(login, lines.length),
        incidentWords.editReruns,
      ),
    );
  }
}

function lineOf(ack: Extract<Acknowledgement, { kind: "refused" }>): string {
  const line = ack.comment.body.split("\n")[ack.line - 1] ?? `/${ack.command.kind}`;
  return line.trim().slice(0, 80).replace(/`/g, "'");
}
