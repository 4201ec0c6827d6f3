import type { Simulator } from "@incident-app/github-simulator";
import { runReport } from "../../src/cli/report-command.js";
import { parseConfigText } from "../../src/config/parse-config-text.js";
import { CONFIG_YAML, OWNER, REPO } from "./scenario.js";
import { HISTORY_REPO } from "./seed-past.js";

/** The metrics report over the demo repo's history, as the `report` command writes it. */
export async function writeReport(sim: Simulator, outDir: string, now: Date) {
  const parsed = parseConfigText(CONFIG_YAML, ".github/incident.yml");
  if (!parsed.ok) throw new Error("demo: the demo config does not parse");
  return runReport({
    octokit: sim.as("alice"),
    repos: [`${OWNER}/${REPO}`, `${OWNER}/${HISTORY_REPO}`],
    outDir,
    now,
    config: parsed.config,
    botLogin: sim.botLogin,
  });
}
