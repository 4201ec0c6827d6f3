import type { IssueHistory } from "../../../kernel/history.js";
import { idFromTitle } from "../../../kernel/incident-id.js";
import { type ProjectionContext, project } from "../../../kernel/projection/project-history.js";
import { type PublicIncident, publicIncident } from "./public-view.js";
import { renderStatusSite } from "./render-site.js";
import { buildSiteModel } from "./site-model.js";
import type { SiteTemplateOverrides } from "./site-templates.js";
import { siteUrl } from "./site-url.js";

/**
 * The status site's files from the incidents' histories: each history is projected
 * as the incident itself is, so only `/status public` commands that the incident
 * accepted (by people allowed to publish, on a declared incident) reach the site.
 */
export function publicIncidents(
  histories: readonly IssueHistory[],
  ctx: ProjectionContext,
): PublicIncident[] {
  return histories.flatMap((history) => {
    const state = project(history, ctx);
    if (!state.declaration) return [];
    const id = state.id ?? idFromTitle(history.issue.title) ?? `#${history.issue.number}`;
    const incident = publicIncident(state, ctx.config, id);
    return incident ? [incident] : [];
  });
}

export function statusSiteFiles(input: {
  histories: readonly IssueHistory[];
  ctx: ProjectionContext;
  now: Date;
  nameWithOwner: string;
  overrides?: SiteTemplateOverrides;
}): Array<{ path: string; content: string }> {
  const { config } = input.ctx;
  const model = buildSiteModel({
    incidents: publicIncidents(input.histories, input.ctx),
    config,
    now: input.now,
    siteUrl: siteUrl(config, input.nameWithOwner),
  });
  return renderStatusSite(model, input.overrides).map((file) => ({
    path: `${config.statusPage.folder}/${file.name}`,
    content: file.content,
  }));
}
