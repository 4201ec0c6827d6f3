import type { Config } from "../config/schema.js";

export interface OnCall {
  primary: string | null;
  secondary: string | null;
}

/**
 * The config as it applies to an incident on `services`: the first affected service
 * with an `onCall` of its own replaces the top-level one (per-service rotations, §13).
 */
export function withServiceOnCall(config: Config, services: readonly string[]): Config {
  for (const service of services) {
    const onCall = config.services[service]?.onCall;
    if (onCall) return { ...config, onCall };
  }
  return config;
}

/** One affected service's own on-call at a moment (`services.<name>.onCall`). */
export interface ServiceOnCall extends OnCall {
  service: string;
}

/** Each affected service with an on-call of its own, in the incident's order, as it is at `at`. */
export function serviceOnCalls(config: Config, services: readonly string[], at: Date): ServiceOnCall[] {
  return [...new Set(services)].flatMap((service) => {
    const onCall = config.services[service]?.onCall;
    return onCall ? [{ service, ...onCallAt({ ...config, onCall }, at) }] : [];
  });
}

/**
 * Who holds a role on an incident at `at`: each affected service's holder (several
 * services, several people, each once), or the top-level `onCall`'s when no affected
 * service has one of its own.
 */
export function onCallHolders(
  config: Config,
  services: readonly string[],
  at: Date,
  role: keyof OnCall,
): string[] {
  const perService = serviceOnCalls(config, services, at);
  const holders = perService.length ? perService.map((one) => one[role]) : [onCallAt(config, at)[role]];
  return [...new Set(holders.filter((one): one is string => one !== null))];
}

/** The primaries on an incident with the services each is on call for (each person once); the top-level primary with none. */
export function primariesByService(
  config: Config,
  services: readonly string[],
  at: Date,
): Array<{ login: string; services: string[] }> {
  const perService = serviceOnCalls(config, services, at);
  if (perService.length === 0) {
    const primary = onCallAt(config, at).primary;
    return primary ? [{ login: primary, services: [] }] : [];
  }
  const byLogin = new Map<string, string[]>();
  for (const one of perService)
    if (one.primary) byLogin.set(one.primary, [...(byLogin.get(one.primary) ?? []), one.service]);
  return [...byLogin].map(([login, served]) => ({ login, services: served }));
}

/** Who is on call at a moment: an override by date, else the rotation's current and next person, else the fixed lists. */
export function onCallAt(config: Config, at: Date): OnCall {
  const base = baseOnCall(config, at);
  const override = config.onCall.overrides.find(
    (one) => Date.parse(one.from) <= at.getTime() && at.getTime() < Date.parse(one.until),
  );
  if (!override) return base;
  return { primary: override.primary ?? base.primary, secondary: override.secondary ?? base.secondary };
}

function baseOnCall(config: Config, at: Date): OnCall {
  const { rotation, primary, secondary } = config.onCall;
  if (rotation) {
    const elapsed = at.getTime() - new Date(rotation.start).getTime();
    const shift = Math.floor(elapsed / rotation.every);
    const count = rotation.users.length;
    const index = ((shift % count) + count) % count;
    return {
      primary: rotation.users[index] ?? null,
      secondary: count > 1 ? (rotation.users[(index + 1) % count] ?? null) : (secondary[0] ?? null),
    };
  }
  return { primary: primary[0] ?? null, secondary: secondary[0] ?? null };
}

/** The moment after `at` when who is on call next changes (a shift or an override edge), if any. */
export function nextHandover(config: Config, at: Date): Date | null {
  const edges: number[] = [];
  const { rotation } = config.onCall;
  if (rotation) {
    const start = new Date(rotation.start).getTime();
    const shift = Math.floor((at.getTime() - start) / rotation.every);
    edges.push(start + (shift + 1) * rotation.every);
  }
  for (const one of config.onCall.overrides) edges.push(Date.parse(one.from), Date.parse(one.until));
  const now = onCallAt(config, at);
  const later = edges.filter((edge) => edge > at.getTime()).sort((a, b) => a - b);
  for (const edge of later) {
    const then = onCallAt(config, new Date(edge));
    if (then.primary !== now.primary || then.secondary !== now.secondary) return new Date(edge);
  }
  return null;
}

/** The runbook for an incident: its services' first, then the first keyword found in title or impact. */
export function runbookFor(config: Config, services: readonly string[], text: string): string | null {
  for (const service of services) {
    const url = config.services[service]?.runbook;
    if (url) return url;
  }
  const haystack = text.toLowerCase();
  return config.runbooks.find((runbook) => haystack.includes(runbook.match.toLowerCase()))?.url ?? null;
}
