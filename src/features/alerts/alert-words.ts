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
  stormTitle: (repository: string) => `Alert storm in ${repository}`,
  stormSummary: (budget: number) =>
    `More than ${budget} new alerts fired within a minute: the ones beyond that are grouped in this incident instead of opening one each. The app's alert storm record below lists them.`,
  stormRecord: (count: number, firings: number, last: string) =>
    `🌩️ Alert storm: ${count === 1 ? "1 alert" : `${count} alerts`} grouped here, ${firings === 1 ? "1 firing" : `${firings} firings`} in all; last at ${last}.`,
  stormListed: (title: string, fingerprint: string, firings: number) =>
    `- **${title.replace(/[*_`[\]<>]/g, "")}** (\`${fingerprint.replace(/`/g, "")}\`): ${firings === 1 ? "fired once" : `fired ${firings} times`}`,
  stormUnlisted: (count: number) =>
    `- … and ${count} more (counted, not listed: the comment has a size limit).`,
  deferred: (count: number) =>
    `GitHub's content-creating limit for this account is spent for now, even for the alert storm incident: ${count === 1 ? "1 alert was" : `${count} alerts were`} not handled; send again after retryAfter seconds (the others were handled)`,
  truncated: (count: number) =>
    `${count} more ${count === 1 ? "alert was" : "alerts were"} left out of the notification (max_alerts).`,
};
