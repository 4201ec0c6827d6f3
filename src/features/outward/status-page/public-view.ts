import { createHash } from "node:crypto";
import type { PublicState } from "../../../config/outward-schema.js";
import type { Config } from "../../../config/schema.js";
import type { IncidentState } from "../../../kernel/incident-state.js";

/**
 * An incident as customers see it: its id, the configured services it names, and
 * the `/status public` updates, nothing else. Titles, impact, notes, people, links
 * and internal updates never reach this shape, so they cannot reach the site.
 */
export interface PublicUpdateView {
  at: Date;
  state: PublicState;
  text: string;
}

export interface PublicIncident {
  id: string;
  name: string;
  /** Services from the config that the incident names; free text people typed is left out. */
  services: string[];
  state: PublicState;
  startedAt: Date;
  resolvedAt: Date | null;
  /** Oldest first. */
  updates: PublicUpdateView[];
}

export function publicIncident(state: IncidentState, config: Config, id: string): PublicIncident | null {
  // A drill never reaches the public page, whatever updates it rehearsed; nor does a security incident.
  if (state.drill || state.security) return null;
  const updates = [...state.publicUpdates]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map(({ at, state: publicState, text }) => ({ at, state: publicState, text }));
  const first = updates[0];
  const last = updates.at(-1);
  if (!first || !last) return null;
  const known = Object.keys(config.services);
  const services = known.filter((name) =>
    state.form.services.some((typed) => typed.toLowerCase() === name.toLowerCase()),
  );
  return {
    id,
    name: services.length ? `Incident affecting ${services.join(", ")}` : "Service incident",
    services,
    state: last.state,
    startedAt: first.at,
    resolvedAt: last.state === "resolved" ? last.at : null,
    updates,
  };
}

/** What decides whether the site must be published again for this incident. */
export function publicHash(incident: PublicIncident | null): string | null {
  if (!incident) return null;
  return createHash("sha1").update(JSON.stringify(incident)).digest("hex").slice(0, 12);
}
