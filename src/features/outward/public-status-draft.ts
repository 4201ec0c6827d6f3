import { PUBLIC_STATES, type PublicState } from "../../config/outward-schema.js";
import type { Config } from "../../config/schema.js";

/**
 * A `/status public` command drafted from the incident, for `/comms draft`: the
 * customer-facing state closest to the internal status and a sentence to edit.
 * Commands are one line, so the draft is one line.
 */
const PUBLIC_SENTENCES: Record<PublicState, (affected: string) => string> = {
  investigating: (a) =>
    `We're currently experiencing issues with ${a}. Our team is actively working on a fix.`,
  identified: (a) => `We have identified the cause of the issues with ${a} and are working on a fix.`,
  monitoring: (a) => `A fix for the issues with ${a} is in place; we are monitoring the results.`,
  resolved: (a) => `The issues with ${a} have been resolved. We apologize for any inconvenience.`,
};

export function publicStatusDraft(status: string, config: Config, affected: string): string {
  const state = publicStateFor(status, config);
  return `/status public ${state} ${PUBLIC_SENTENCES[state](affected.replace(/\s+/g, " "))}`;
}

/** The customer-facing state closest to an internal status, to suggest with `/status public`. */
function publicStateFor(status: string, config: Config): PublicState {
  const known = PUBLIC_STATES.find((state) => state === status);
  if (known) return known;
  const index = config.statuses.indexOf(status);
  if (index >= config.statuses.indexOf(config.mitigatedStatus)) return "monitoring";
  return index > 0 ? "identified" : "investigating";
}
