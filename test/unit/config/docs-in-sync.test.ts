import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CONFIG_DOC_FILES, generateConfigDocs, REGENERATE_COMMAND } from "../../../src/config/config-docs.js";

const root = new URL("../../../", import.meta.url);
const example = await readFile(new URL(CONFIG_DOC_FILES.example, root), "utf8");

describe("generated configuration docs", () => {
  it.each(generateConfigDocs(example))(
    "$path matches the schema and the example",
    async ({ path, content }) => {
      const committed = await readFile(new URL(path, root), "utf8").catch(() => "(missing)");
      expect(committed, `${path} is out of date: run \`${REGENERATE_COMMAND}\``).toBe(content);
    },
  );
});
