import type { Config } from "../../config/schema.js";
import type { LabelSpec } from "../../kernel/plan.js";

/** Every label the app uses, with colour and description (§3). */
export function labelSpecs(config: Config): LabelSpec[] {
  const { labels } = config;
  const statusColors = ["d73a4a", "e99695", "fbca04", "c5def5", "0e8a16"];
  return [
    { name: labels.incident, color: "b60205", description: "An incident managed by the incident app" },
    {
      name: labels.triage,
      color: "fbca04",
      description: "Incident report waiting for someone allowed to /declare it",
    },
    ...config.severities.map((severity) => ({
      name: severity.name,
      color: severity.color,
      description: severity.description.slice(0, 100),
    })),
    ...config.statuses.map((status, index) => ({
      name: `${labels.statusPrefix}${status}`,
      color: statusColors[Math.min(index, statusColors.length - 1)] as string,
      description: `Incident status: ${status}`,
    })),
    {
      name: labels.freeze,
      color: "1d76db",
      description: "This incident freezes merges to the default branch (incident-freeze check)",
    },
    { name: labels.actionItem, color: "5319e7", description: "Follow-up from an incident" },
    ...(["high", "medium", "low"] as const).map((priority, index) => ({
      name: `${labels.priorityPrefix}${priority}`,
      color: ["d93f0b", "fbca04", "c2e0c6"][index] as string,
      description: `Action item priority: ${priority}`,
    })),
  ];
}
