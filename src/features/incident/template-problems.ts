import { createHash } from "node:crypto";
import { codeSpan } from "../../config/code-span.js";
import { appArtifacts } from "../../kernel/app-artifacts.js";
import type { IssueHistory } from "../../kernel/history.js";
import { marker } from "../../kernel/markers.js";
import type { Write } from "../../kernel/plan.js";
import { renderBuiltIn } from "../../render/renderer.js";
import { TEMPLATE_OVERRIDE_DIR } from "../../render/template-names.js";
import type { TemplateProblem } from "../../render/template-overrides.js";

/**
 * One reply on the incident for each distinct set of problems with the repo's
 * template overrides; the built-in templates were used in their place, so nothing
 * else is held up.
 */
export function templateProblemsReply(
  history: IssueHistory,
  botLogin: string,
  problems: readonly TemplateProblem[],
): Write | null {
  const lines = [
    ...new Set(problems.map((problem) => `${codeSpan(problem.file)} ${problem.message}.`)),
  ].sort();
  if (lines.length === 0) return null;
  const key = `templates:${createHash("sha1").update(lines.join("\n")).digest("hex").slice(0, 8)}`;
  if (appArtifacts(history, botLogin).replies.has(key)) return null;
  const intro = `The template overrides in ${codeSpan(TEMPLATE_OVERRIDE_DIR)} have ${
    lines.length === 1 ? "a problem" : `${lines.length} problems`
  }; the built-in templates were used instead:`;
  const body = renderBuiltIn("command-reply", {
    marker: marker("reply", { key }),
    single: false,
    first: lines[0],
    intro,
    lines,
    footer: "Fix the files on the default branch and the next event uses them.",
  });
  return { kind: "add-comment", purpose: "reply", body };
}
