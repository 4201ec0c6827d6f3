/**
 * The vocabulary of the generated demo incidents: services, what breaks in each,
 * the people who respond, and response times per severity (minutes) scaled from the
 * default targets, so some incidents meet their targets and some miss them.
 */
export const SEED_SERVICES = ["search", "api", "auth", "dashboard"] as const;
export type SeedService = (typeof SEED_SERVICES)[number];

export const SEED_SEVERITIES = ["SEV-1", "SEV-2", "SEV-3", "SEV-4"] as const;
export type SeedSeverity = (typeof SEED_SEVERITIES)[number];

export const SEED_PEOPLE = ["alice", "bob", "carol", "dave", "erin", "frank"] as const;

export const SEED_TITLES: Record<SeedService, readonly string[]> = {
  search: [
    "Search returns no results",
    "Search latency above 2s",
    "Search index is stale",
    "Autocomplete failing",
  ],
  api: [
    "API 5xx error spike",
    "API timeouts on /orders",
    "Rate limiter rejects valid requests",
    "Gateway returns 502",
  ],
  auth: [
    "Login failures for SSO users",
    "Password reset emails not sent",
    "Sessions expire early",
    "Token refresh errors",
  ],
  dashboard: [
    "Dashboard charts not loading",
    "Dashboard shows stale data",
    "Dashboard export broken",
    "Slow dashboard page loads",
  ],
};

/** How often each severity occurs. */
export const SEED_SEVERITY_WEIGHTS: ReadonlyArray<readonly [SeedSeverity, number]> = [
  ["SEV-1", 1],
  ["SEV-2", 3],
  ["SEV-3", 4],
  ["SEV-4", 2],
];

/** Typical minutes per phase: the default targets (SEV-4 has no mitigate target: 12h). */
export const SEED_MINUTES: Record<SeedSeverity, { ack: number; mitigate: number; resolve: number }> = {
  "SEV-1": { ack: 5, mitigate: 15, resolve: 60 },
  "SEV-2": { ack: 15, mitigate: 30, resolve: 240 },
  "SEV-3": { ack: 60, mitigate: 240, resolve: 1440 },
  "SEV-4": { ack: 240, mitigate: 720, resolve: 10080 },
};

export const SEED_DETECTION = ["Automated alert", "User report", "Internal discovery"] as const;

export const SEED_REASONS = {
  up: ["more customers affected", "revenue impact confirmed", "spreading to other regions"],
  down: ["impact smaller than thought", "workaround in place", "only internal users affected"],
  reopen: ["errors are back", "fix did not hold", "alerts firing again"],
  resolve: ["rolled back the deploy", "scaled up the cluster", "fixed the config", "restarted the workers"],
} as const;
