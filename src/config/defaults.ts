/**
 * Defaults taken from the incident-response plans (seed plans 000–004): four
 * severities with acknowledge / mitigate / resolve targets, update cadence, PIR due
 * and monitoring window, and the five statuses of the status page.
 */
export const DEFAULT_SEVERITIES = [
  {
    name: "SEV-1",
    aliases: ["P0", "sev1", "critical"],
    description: "Critical: complete outage or critical functionality broken for all users",
    color: "b60205",
    ack: "5m",
    mitigate: "15m",
    resolve: "1h",
    icWithin: "15m",
    updateEvery: "15m",
    pirDue: "48h",
    monitoringWindow: "15m",
    freeze: true,
  },
  {
    name: "SEV-2",
    aliases: ["P1", "sev2", "high"],
    description: "High: major functionality degraded for a subset of users",
    color: "d93f0b",
    ack: "15m",
    mitigate: "30m",
    resolve: "4h",
    icWithin: "30m",
    updateEvery: "30m",
    pirDue: "48h",
    monitoringWindow: "15m",
  },
  {
    name: "SEV-3",
    aliases: ["P2", "sev3", "medium"],
    description: "Medium: minor functionality impaired, workarounds available",
    color: "fbca04",
    ack: "1h",
    mitigate: "4h",
    resolve: "24h",
    updateEvery: "1h",
    pirDue: "1w",
    monitoringWindow: "30m",
  },
  {
    name: "SEV-4",
    aliases: ["P3", "sev4", "low"],
    description: "Low: minimal user impact, cosmetic issues or monitoring alerts",
    color: "0e8a16",
    ack: "4h",
    resolve: "1w",
    updateEvery: "1d",
  },
];

export const DEFAULT_STATUSES = ["investigating", "identified", "mitigating", "monitoring", "resolved"];
