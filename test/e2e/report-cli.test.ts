import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseReportArgs, runReportCli } from "../../src/cli/report-cli.js";
import type { Octokit } from "../../src/github/client.js";
import { asOctokit } from "../../src/github/client.js";
import { type Harness, startHarness } from "../support/harness.js";

/** `incident-app report`: flags, the repo's config through the API, files written. */
let harness: Harness;
let dir: string;

beforeEach(async () => {
  harness = await startHarness();
  dir = await mkdtemp(join(tmpdir(), "incident-report-"));
});
afterEach(async () => {
  await harness.close();
  await rm(dir, { recursive: true, force: true });
});

async function octokitFor(files: Record<string, string>): Promise<Octokit> {
  const { sim } = harness;
  sim.createOrg("acme", ["alice"]);
  sim.createRepo({ owner: "acme", name: "shop", files });
  return asOctokit(await harness.probot.auth(await sim.installApp("acme", ["shop"])));
}

describe("incident-app report", () => {
  it("reads the flags, defaulting the repos to GITHUB_REPOSITORY", () => {
    expect(parseReportArgs(["--repos", "acme/shop,acme/api", "--out", "out"], {})).toMatchObject({
      repos: ["acme/shop", "acme/api"],
      outDir: "out",
    });
    expect(parseReportArgs(["--out", "out"], { GITHUB_REPOSITORY: "acme/shop" })).toMatchObject({
      repos: ["acme/shop"],
    });
    expect(parseReportArgs(["--out", "out"], {})).toMatch(/--repos owner\/name/);
    expect(parseReportArgs(["--repos", "acme/shop"], {})).toMatch(/--out <dir>/);
    expect(parseReportArgs(["--repos", "nope", "--out", "x"], {})).toBe(
      "not a repository (owner/name): nope",
    );
  });

  it("writes report.md with the config read through the API", async () => {
    const octokit = await octokitFor({ ".github/incident.yml": "timeZone: Europe/Berlin\n" });
    const now = new Date("2026-02-03T12:00:00Z");
    const written = await runReportCli(octokit, { repos: ["acme/shop"], outDir: dir, now }, undefined);
    if (typeof written === "string") throw new Error(written);
    expect(written.files.map((file) => file.slice(dir.length + 1))).toContain("report.md");
    expect(await readFile(join(dir, "report.md"), "utf8")).toContain("# Incident report");
  });

  it("refuses an invalid config instead of reporting with the wrong targets", async () => {
    const octokit = await octokitFor({ ".github/incident.yml": "severities: nope\n" });
    const args = { repos: ["acme/shop"], outDir: dir, now: new Date("2026-02-03T12:00:00Z") };
    expect(await runReportCli(octokit, args, undefined)).toBe(
      "acme/shop: .github/incident.yml is invalid; fix it first",
    );
  });
});
