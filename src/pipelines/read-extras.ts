import { parseComment } from "../commands/parse-comment.js";
import type { Config } from "../config/schema.js";
import type { ReadExtras } from "../github/history-extras.js";
import { parseContext } from "../kernel/projection/project-history.js";
import { siteWhere } from "./publish-status-site.js";

/**
 * What the event's comment will need beside the incident's history, so the one read
 * brings it (§2.6): the status site when it asks to publish (`/status public`), the
 * pull requests of this repository it asks to revert (`/revert #N`). A hint only: the
 * decision still decides, and what it needs that was not read is read where it always was.
 */
export function readExtrasFor(
  payload: unknown,
  where: { owner: string; repo: string },
  config: Config,
  now: Date,
): ReadExtras {
  const body = (payload as { comment?: { body?: unknown } } | null)?.comment?.body;
  if (typeof body !== "string" || !body.includes("/")) return {};
  const lines = parseComment(body, parseContext(config, now, `${where.owner}/${where.repo}`));
  const extras: ReadExtras = {};
  const pulls: number[] = [];
  for (const line of lines) {
    if (!line.ok) continue;
    const { command } = line;
    if (command.kind === "public-status" && config.statusPage.enabled)
      extras.site = siteWhere(where.owner, where.repo, config, now);
    if (command.kind === "revert" && !command.repository && !pulls.includes(command.pr))
      pulls.push(command.pr);
  }
  return pulls.length > 0 ? { ...extras, pulls } : extras;
}
