import type { z } from "zod";

/**
 * What was wrong with an alert payload, naming the field the way a person would
 * look for it (`alerts[0].startsAt`), for the 400 reply.
 */
export interface PayloadProblem {
  /** Path to the offending field; empty for the payload as a whole. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}

/** One problem per issue; unknown keys become one problem each, so the reply names them. */
export function problemsFromZod(error: z.ZodError): PayloadProblem[] {
  const problems: PayloadProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...issue.path, key]), message: "unknown field" });
      }
      continue;
    }
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    problems.push({ path: formatPath(issue.path), message: missing ? "required" : issue.message });
  }
  return problems;
}

/** `alerts[0].startsAt: expected an ISO 8601 time`, one line per problem. */
export function describeProblems(problems: readonly PayloadProblem[]): string {
  return problems
    .map((problem) => (problem.path === "" ? problem.message : `${problem.path}: ${problem.message}`))
    .join("\n");
}
