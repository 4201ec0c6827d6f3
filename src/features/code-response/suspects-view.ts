import type { Config } from "../../config/schema.js";
import { marker } from "../../kernel/markers.js";
import { dateTime, timeOnDay, zoneLabel } from "../../render/format-time.js";
import { inline, mention } from "../../render/markdown.js";
import type { Suspects } from "./suspects.js";

/**
 * The suspects section of the declaration message: changes in the window before
 * impact started, between markers so the review can copy it. Empty (nothing at all)
 * when there were none.
 */
export const SUSPECTS_START = marker("suspects");
export const SUSPECTS_END = marker("suspects", { end: 1 });

export function renderSuspects(suspects: Suspects | null, config: Config): string {
  if (!suspects || (suspects.pulls.length === 0 && suspects.deployments.length === 0)) return "";
  const zone = config.timeZone;
  const at = (date: Date) => timeOnDay(date, suspects.until, zone);
  const narrowed = suspects.paths.length
    ? ` touching ${suspects.paths.map((p) => `\`${inline(p, 80)}\``).join(", ")}`
    : "";
  const lines = [
    SUSPECTS_START,
    `**Changes before impact** (merged or deployed ${dateTime(suspects.from, zone)} – ${at(suspects.until)} ${zoneLabel(zone)}${narrowed}):`,
    "",
    ...suspects.pulls.map(
      (pull) =>
        `- PR [${pull.repo ?? ""}#${pull.number}](${pull.url}) ${inline(pull.title, 120)} · merged ${at(pull.mergedAt)}${pull.author ? ` by \`${pull.author}\`` : ""}${pull.owners.length ? ` · code owners: ${pull.owners.map((o) => `\`${o}\``).join(", ")}` : ""}`,
    ),
    ...suspects.deployments.map(
      (deployment) =>
        `- Deployment${deployment.repo ? ` in ${deployment.repo}` : ""} to ${inline(deployment.environment, 40)} of \`${deployment.sha.slice(0, 7)}\` · ${at(deployment.at)}${deployment.state ? ` (${deployment.state.toLowerCase()})` : ""}${deployment.creator ? ` by \`${deployment.creator}\`` : ""}`,
    ),
  ];
  if (suspects.responders.length) {
    lines.push(
      "",
      `Suggested responders (code owners of the changed paths): ${suspects.responders.map(mention).join(", ")}.`,
    );
  }
  const elsewhere = suspects.pulls.find((pull) => pull.repo)?.repo;
  if (elsewhere)
    lines.push(
      `Roll back with \`/revert ${elsewhere}#PR\`, or branch a fix with \`/hotfix ${elsewhere}\`.`,
      SUSPECTS_END,
    );
  else
    lines.push(
      `Roll back with \`/revert #PR\`, or branch a fix with \`/hotfix\` (\`/hotfix from deployed\` starts from what runs now).`,
      SUSPECTS_END,
    );
  return lines.join("\n");
}

/** The suspects section of the app's own declaration comment, for the review. */
export function suspectsFrom(declarationBody: string | null): string | null {
  if (!declarationBody) return null;
  const start = declarationBody.indexOf(SUSPECTS_START);
  const end = declarationBody.indexOf(SUSPECTS_END);
  if (start === -1 || end <= start) return null;
  return declarationBody
    .slice(start + SUSPECTS_START.length, end)
    .split("\n")
    .filter((line) => !line.startsWith("Roll back with"))
    .join("\n")
    .trim();
}
