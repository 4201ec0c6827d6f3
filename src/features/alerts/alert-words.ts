/** Every sentence alerts put on GitHub or answer a sender with. */
const SOURCE_NAMES = { alertmanager: "Alertmanager", grafana: "Grafana", generic: "Monitoring" } as const;

export const alertWords = {
  sourceName: (source: keyof typeof SOURCE_NAMES) => SOURCE_NAMES[source],
  detection: (source: keyof typeof SOURCE_NAMES, fingerprint: string) =>
    `Automated alert (${SOURCE_NAMES[source]}, fingerprint \`${fingerprint}\`)`,
  noSummary: "No description came with the alert.",
  record: (title: string, firings: number, last: string) =>
    `🔔 Alert **${title}** has fired ${firings === 1 ? "once" : `${firings} times`}; last at ${last}.`,
  recordResolved: (at: string) => `✅ It resolved at ${at}.`,
  reopened: (title: string, after: string) =>
    `🔁 Alert **${title}** fired again ${after} after this incident was resolved: reopened.`,
  truncated: (count: number) =>
    `${count} more ${count === 1 ? "alert was" : "alerts were"} left out of the notification (max_alerts).`,
};
