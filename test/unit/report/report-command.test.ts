import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterEach, describe, expect, it } from "vitest";
import { runReport } from "../../../src/cli/report-command.js";
import { config, fixedHistories, now, reportWindow } from "../../fixtures/report/fixed-history.js";
import { BOT } from "../../support/history-builder.js";
import { fakeGraphql } from "./fake-graphql.js";

describe("runReport", () => {
  let outDir = "";
  afterEach(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("writes report.md and the SVG charts it embeds", async () => {
    outDir = await mkdtemp(join(tmpdir(), "report-"));
    const { files } = await runReport({
      octokit: fakeGraphql(fixedHistories()),
      repos: ["acme/shop"],
      outDir,
      now,
      config,
      window: reportWindow,
      botLogin: BOT,
    });
    expect(files.map((file) => file.slice(outDir.length + 1))).toEqual([
      "incidents-per-month.svg",
      "time-to-detect.svg",
      "time-to-acknowledge.svg",
      "time-to-mitigate.svg",
      "time-to-resolve.svg",
      "report.md",
    ]);
    const markdown = await readFile(join(outDir, "report.md"), "utf8");
    for (const file of files.filter((f) => f.endsWith(".svg"))) {
      const name = file.slice(outDir.length + 1);
      expect(markdown).toContain(`](${name})`);
      expect(XMLValidator.validate(await readFile(file, "utf8"))).toBe(true);
    }
    expect(markdown).toContain("| Incidents | 7 (1 still open) |");
    // PIRs are read off the incidents, action items off the repo (none here).
    expect(markdown).toMatch(/\| PIRs on time \| \d+% \(\d+ of \d+\) \|/);
    expect(markdown).toContain("| Action items | 0 open, 0 overdue, 0 done |");
  });
});
