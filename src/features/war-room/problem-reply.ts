import { marker } from "../../kernel/markers.js";
import { warRoomWords } from "./war-room-words.js";

/**
 * When Slack cannot follow the incident, people learn it on the issue once per kind
 * of problem (keyed replies, found again in the history): a missing scope names the
 * scope, an outage says the channel is late, and the incident carries on.
 */
export type WarRoomProblem =
  | { kind: "missing-scope"; scope: string; method: string }
  | { kind: "late"; method: string; detail: string }
  | { kind: "no-token" }
  | { kind: "refused"; method: string; code: string };

export function problemKey(problem: WarRoomProblem): string {
  switch (problem.kind) {
    case "missing-scope":
      return `war-room:scope:${problem.scope}`;
    case "late":
      return "war-room:late";
    case "no-token":
      return "war-room:no-token";
    case "refused":
      return `war-room:refused:${problem.code}`;
  }
}

export function problemReply(problem: WarRoomProblem): { key: string; body: string } {
  const key = problemKey(problem);
  const text =
    problem.kind === "missing-scope"
      ? warRoomWords.problemMissingScope(problem)
      : problem.kind === "late"
        ? warRoomWords.problemLate(problem)
        : problem.kind === "no-token"
          ? warRoomWords.problemNoToken
          : warRoomWords.problemRefused(problem);
  return { key, body: [marker("reply", { key }), text, ""].join("\n") };
}
