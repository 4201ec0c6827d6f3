import { PUBLIC_STATES, type PublicState } from "../../../config/outward-schema.js";
import type { Config } from "../../../config/schema.js";
import { dateTime, zoneLabel } from "../../../render/format-time.js";
import type { PublicIncident } from "./public-view.js";

/**
 * The status site as data: the state of each configured service, the incidents
 * still open on the page and those resolved in the last `days`, with their public
 * updates. Every date shown comes from the updates, so the same updates always give
 * the same files (publishing twice commits nothing).
 */
export interface SiteInput {
  incidents: readonly PublicIncident[];
  config: Config;
  now: Date;
  siteUrl: string;
}

type Tone = "ok" | "disrupted" | "watching";

export interface Stamp {
  iso: string;
  text: string;
}

export interface IncidentView {
  anchor: string;
  id: string;
  name: string;
  services: string[];
  state: PublicState;
  stateLabel: string;
  tone: Tone;
  started: Stamp;
  resolved: Stamp | null;
  /** Newest first. */
  updates: Array<{ state: PublicState; stateLabel: string; tone: Tone; at: Stamp; text: string }>;
}

export interface SiteModel {
  title: string;
  siteUrl: string;
  days: number;
  updated: Stamp;
  overall: { text: string; tone: Tone };
  services: Array<{ name: string; label: string; tone: Tone; anchor: string | null }>;
  open: IncidentView[];
  past: IncidentView[];
}

const LABELS: Record<PublicState, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

function tone(state: PublicState): Tone {
  if (state === "resolved") return "ok";
  return state === "monitoring" ? "watching" : "disrupted";
}

export function stateLabel(state: PublicState): string {
  return LABELS[state];
}

export function anchorOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
}

export function buildSiteModel(input: SiteInput): SiteModel {
  const { config, now } = input;
  const zone = config.timeZone;
  const stamp = (at: Date): Stamp => ({
    iso: at.toISOString().replace(/\.000Z$/, "Z"),
    text: `${dateTime(at, zone)} ${zoneLabel(zone)}`,
  });
  const view = (incident: PublicIncident): IncidentView => ({
    anchor: anchorOf(incident.id),
    id: incident.id,
    name: incident.name,
    services: incident.services,
    state: incident.state,
    stateLabel: LABELS[incident.state],
    tone: tone(incident.state),
    started: stamp(incident.startedAt),
    resolved: incident.resolvedAt ? stamp(incident.resolvedAt) : null,
    updates: [...incident.updates].reverse().map((update) => ({
      state: update.state,
      stateLabel: LABELS[update.state],
      tone: tone(update.state),
      at: stamp(update.at),
      text: update.text,
    })),
  });
  const newestFirst = [...input.incidents].sort((a, b) => lastAt(b) - lastAt(a) || b.id.localeCompare(a.id));
  const since = now.getTime() - config.statusPage.days * 86_400_000;
  const open = newestFirst.filter((incident) => incident.state !== "resolved");
  const past = newestFirst.filter(
    (incident) => incident.resolvedAt && incident.resolvedAt.getTime() >= since,
  );
  const shown = [...open, ...past];
  const latest = Math.max(...shown.map(lastAt));

  const services = Object.keys(config.services).map((name) => {
    const affecting = open
      .filter((incident) => incident.services.includes(name))
      .sort((a, b) => PUBLIC_STATES.indexOf(a.state) - PUBLIC_STATES.indexOf(b.state))[0];
    return affecting
      ? { name, label: LABELS[affecting.state], tone: tone(affecting.state), anchor: anchorOf(affecting.id) }
      : { name, label: "Operational", tone: "ok" as Tone, anchor: null };
  });
  const overall =
    open.length === 0
      ? { text: "All systems operational", tone: "ok" as Tone }
      : {
          text: open.length === 1 ? "1 ongoing incident" : `${open.length} ongoing incidents`,
          tone: open.some((incident) => tone(incident.state) === "disrupted")
            ? ("disrupted" as Tone)
            : "watching",
        };
  return {
    title: config.statusPage.title,
    siteUrl: input.siteUrl,
    days: config.statusPage.days,
    updated: stamp(Number.isFinite(latest) ? new Date(latest) : now),
    overall,
    services,
    open: open.map(view),
    past: past.map(view),
  };
}

function lastAt(incident: PublicIncident): number {
  return incident.updates.at(-1)?.at.getTime() ?? incident.startedAt.getTime();
}
