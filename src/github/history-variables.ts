import { CONFIG_EXPRESSION } from "../config/config-file-name.js";
import type { Config } from "../config/schema.js";
import { startOfUtcDay } from "../kernel/incident-id.js";
import { hotfixBranch, pirBranch, pirPath } from "../kernel/names.js";
import { TEMPLATE_OVERRIDE_EXPRESSION } from "../render/template-names.js";

export interface HistoryVariables {
  [key: string]: unknown;
  incidentLabel: string;
  since: string;
  withRecent: boolean;
  recurrenceSince: string;
  actionItemLabel: string;
  configExpression: string;
  templatesExpression: string;
  freezeLabel: string;
  environment: string;
  withCode: boolean;
  withSuspects: boolean;
  hotfixRef: string;
  hotfixBranch: string;
  pirRef: string;
  pirBranch: string;
  pirFile: string;
  pirPath: string;
}

/**
 * Variables of the history read. `id` is the incident id as the event's payload
 * shows it (null before declaration): the code read looks for its branches.
 * `withRecent` (declaring) also reads the day's incidents and the suspects.
 */
export function historyVariables(
  config: Config,
  now: Date,
  options: { withRecent: boolean; id: string | null },
): HistoryVariables {
  const id = options.id ?? "INC-00000000-000";
  return {
    incidentLabel: config.labels.incident,
    since: startOfUtcDay(now)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z"),
    withRecent: options.withRecent,
    recurrenceSince: new Date(now.getTime() - config.recurrence.window)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z"),
    actionItemLabel: config.labels.actionItem,
    configExpression: CONFIG_EXPRESSION,
    templatesExpression: TEMPLATE_OVERRIDE_EXPRESSION,
    freezeLabel: config.labels.freeze,
    environment: config.deployments.environment,
    withCode: options.id !== null,
    withSuspects: options.withRecent,
    hotfixRef: `refs/heads/${hotfixBranch(id)}`,
    hotfixBranch: hotfixBranch(id),
    pirRef: `refs/heads/${pirBranch(id)}`,
    pirBranch: pirBranch(id),
    pirFile: `${pirBranch(id)}:${pirPath(config, id)}`,
    pirPath: pirPath(config, id),
  };
}
