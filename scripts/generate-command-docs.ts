/**
 * Writes docs/commands.md from the command table. `--check` writes nothing and fails
 * when the file is stale.
 *
 *   npx tsx scripts/generate-command-docs.ts [--check]
 */
import { readFile, writeFile } from "node:fs/promises";
import {
  COMMAND_DOCS_FILE,
  REGENERATE_COMMAND_DOCS,
  renderCommandDocs,
} from "../src/commands/command-docs.js";

const target = new URL(`../${COMMAND_DOCS_FILE}`, import.meta.url);
const content = renderCommandDocs();
const current = await readFile(target, "utf8").catch(() => null);
if (current === content) {
  console.log(`${COMMAND_DOCS_FILE} is up to date`);
} else if (process.argv.includes("--check")) {
  console.error(`${COMMAND_DOCS_FILE} is out of date: run \`${REGENERATE_COMMAND_DOCS}\``);
  process.exitCode = 1;
} else {
  await writeFile(target, content);
  console.log(`wrote ${COMMAND_DOCS_FILE}`);
}
