import type { z } from "zod";

/**
 * Checks across fields of `.github/incident.yml`, run by the schema after every field
 * has parsed: names that refer to other names must exist, and words people type
 * (severity names and aliases, statuses) must mean one thing only. Labels and typed
 * words are compared case-insensitively, as GitHub and the command parser do.
 */

/** The part of the parsed config the checks read (structural, to keep schema.ts acyclic). */
export type ConsistencyInput = {
  severities: ReadonlyArray<{ name: string; aliases: readonly string[] }>;
  defaultSeverity?: string | undefined;
  statuses: readonly string[];
  mitigatedStatus: string;
  autoEscalation: ReadonlyArray<{ from: string; to: string }>;
  pir: { openOnResolve?: readonly string[] | undefined };
  warRoom?: { enabled: boolean; severities: readonly string[] };
};

type Ctx = z.RefinementCtx;

export function checkConfigConsistency(config: ConsistencyInput, ctx: Ctx): void {
  checkSeverityWords(config, ctx);
  const names = config.severities.map((severity) => severity.name);
  if (config.defaultSeverity !== undefined) {
    checkSeverityRef(config, config.defaultSeverity, ["defaultSeverity"], ctx);
  }
  config.autoEscalation.forEach((rule, index) => {
    const from = checkSeverityRef(config, rule.from, ["autoEscalation", index, "from"], ctx);
    const to = checkSeverityRef(config, rule.to, ["autoEscalation", index, "to"], ctx);
    if (from !== -1 && to !== -1 && to >= from) {
      ctx.addIssue({
        code: "custom",
        path: ["autoEscalation", index, "to"],
        message: `must be more severe than \`from\` (\`${names[from]}\`); severities are listed most severe first`,
        input: rule.to,
      });
    }
  });
  config.pir.openOnResolve?.forEach((name, index) => {
    checkSeverityRef(config, name, ["pir", "openOnResolve", index], ctx);
  });
  // Only when on: its default names the default severities, which a config may replace.
  if (config.warRoom?.enabled)
    config.warRoom.severities.forEach((name, index) => {
      checkSeverityRef(config, name, ["warRoom", "severities", index], ctx);
    });
  checkStatuses(config, ctx);
}

/** Each severity name and alias must name exactly one severity. */
function checkSeverityWords(config: ConsistencyInput, ctx: Ctx): void {
  const owner = new Map<string, { index: number; what: string }>();
  config.severities.forEach((severity, index) => {
    const key = severity.name.toLowerCase();
    const earlier = owner.get(key);
    if (earlier) {
      ctx.addIssue({
        code: "custom",
        path: ["severities", index, "name"],
        message: `\`${severity.name}\` is already ${earlier.what}; names must be unique`,
        input: severity.name,
      });
    } else {
      owner.set(key, { index, what: `the name of \`severities[${index}]\`` });
    }
  });
  config.severities.forEach((severity, index) => {
    severity.aliases.forEach((alias, aliasIndex) => {
      const key = alias.toLowerCase();
      const earlier = owner.get(key);
      if (earlier && earlier.index !== index) {
        ctx.addIssue({
          code: "custom",
          path: ["severities", index, "aliases", aliasIndex],
          message: `\`${alias}\` is already ${earlier.what}; a word can mean one severity only`,
          input: alias,
        });
      } else if (!earlier) {
        owner.set(key, { index, what: `an alias of \`${severity.name}\`` });
      }
    });
  });
}

/** The index of the severity `name` refers to, or -1 after reporting the problem. */
export function checkSeverityRef(
  config: Pick<ConsistencyInput, "severities">,
  name: string,
  path: Array<string | number>,
  ctx: Ctx,
): number {
  const index = config.severities.findIndex((severity) => severity.name === name);
  if (index !== -1) return index;
  const names = config.severities.map((severity) => `\`${severity.name}\``).join(", ");
  const lower = name.toLowerCase();
  const meant = config.severities.find(
    (severity) =>
      severity.name.toLowerCase() === lower ||
      severity.aliases.some((alias) => alias.toLowerCase() === lower),
  );
  const hint = meant ? `; did you mean \`${meant.name}\`?` : "";
  ctx.addIssue({
    code: "custom",
    path,
    message: `expected the name of a severity: ${names}${hint}`,
    input: name,
  });
  return -1;
}

function checkStatuses(config: ConsistencyInput, ctx: Ctx): void {
  const seen = new Map<string, number>();
  config.statuses.forEach((status, index) => {
    const earlier = seen.get(status.toLowerCase());
    if (earlier !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["statuses", index],
        message: `\`${status}\` is already \`statuses[${earlier}]\`; statuses must be unique`,
        input: status,
      });
    } else {
      seen.set(status.toLowerCase(), index);
    }
  });
  if (!config.statuses.includes(config.mitigatedStatus)) {
    const statuses = config.statuses.map((status) => `\`${status}\``).join(", ");
    ctx.addIssue({
      code: "custom",
      path: ["mitigatedStatus"],
      message: `expected one of \`statuses\`: ${statuses}`,
      input: config.mitigatedStatus,
    });
  }
}
