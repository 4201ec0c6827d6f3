/**
 * Writes docs/configuration.md and docs/incident.schema.json from the config schema
 * and examples/incident.yml. `--check` writes nothing and fails when they are stale.
 *
 *   npx tsx scripts/generate-config-docs.ts [--check]
 */
import { readFile, writeFile } from "node:fs/promises";
import { CONFIG_DOC_FILES, generateConfigDocs, REGENERATE_COMMAND } from "../src/config/config-docs.js";

const root = new URL("../", import.meta.url);
const check = process.argv.includes("--check");
const example = await readFile(new URL(CONFIG_DOC_FILES.example, root), "utf8");

let stale = 0;
for (const file of generateConfigDocs(example)) {
  const target = new URL(file.path, root);
  const current = await readFile(target, "utf8").catch(() => null);
  if (current === file.content) continue;
  if (check) {
    stale++;
    console.error(`${file.path} is out of date`);
  } else {
    await writeFile(target, file.content);
    console.log(`wrote ${file.path}`);
  }
}
if (stale > 0) {
  console.error(`run \`${REGENERATE_COMMAND}\``);
  process.exitCode = 1;
}
