import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  COMMAND_DOCS_FILE,
  REGENERATE_COMMAND_DOCS,
  renderCommandDocs,
} from "../../../src/commands/command-docs.js";
import { COMMANDS } from "../../../src/commands/index.js";

const root = new URL("../../../", import.meta.url);

describe("generated commands reference", () => {
  it(`${COMMAND_DOCS_FILE} matches the command table`, async () => {
    const committed = await readFile(new URL(COMMAND_DOCS_FILE, root), "utf8").catch(() => "(missing)");
    expect(committed, `${COMMAND_DOCS_FILE} is out of date: run \`${REGENERATE_COMMAND_DOCS}\``).toBe(
      renderCommandDocs(),
    );
  });

  it("lists every command and alias", () => {
    const docs = renderCommandDocs();
    for (const command of COMMANDS) {
      expect(docs).toContain(`\`${command.syntax.split(" ")[0]}`);
      for (const alias of command.aliases) expect(docs).toContain(`\`/${alias}\``);
    }
  });
});
