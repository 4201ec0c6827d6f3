import { type SiteModel, stateLabel } from "./site-model.js";
import { renderSiteTemplate, type SiteTemplateOverrides } from "./site-templates.js";

/**
 * The files of the status site, from its model: `index.html` (no JavaScript),
 * `incidents.json` and an Atom feed `feed.xml` with one entry per public update.
 */
export interface SiteFile {
  name: "index.html" | "incidents.json" | "feed.xml";
  content: string;
}

export function renderStatusSite(model: SiteModel, overrides: SiteTemplateOverrides = {}): SiteFile[] {
  return [
    { name: "index.html", content: renderSiteTemplate("index.html", model, overrides) },
    { name: "incidents.json", content: `${JSON.stringify(siteJson(model), null, 2)}\n` },
    { name: "feed.xml", content: renderSiteTemplate("feed.xml", feedView(model), overrides) },
  ];
}

function siteJson(model: SiteModel) {
  return {
    title: model.title,
    url: model.siteUrl,
    updated: model.updated.iso,
    status: model.overall.text,
    services: model.services.map((service) => ({
      name: service.name,
      status: service.label.toLowerCase(),
    })),
    incidents: [...model.open, ...model.past].map((incident) => ({
      id: incident.id,
      name: incident.name,
      services: incident.services,
      status: incident.state,
      startedAt: incident.started.iso,
      resolvedAt: incident.resolved?.iso ?? null,
      url: `${model.siteUrl}#${incident.anchor}`,
      updates: incident.updates.map((update) => ({
        at: update.at.iso,
        status: update.state,
        text: update.text,
      })),
    })),
  };
}

function feedView(model: SiteModel) {
  const entries = [...model.open, ...model.past]
    .flatMap((incident) =>
      incident.updates.map((update) => ({
        id: `${model.siteUrl}#${incident.anchor}/${update.at.iso}`,
        title: `[${stateLabel(update.state)}] ${incident.name} (${incident.id})`,
        link: `${model.siteUrl}#${incident.anchor}`,
        updated: update.at.iso,
        text: update.text,
      })),
    )
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
  return { title: model.title, siteUrl: model.siteUrl, updated: model.updated, entries };
}
