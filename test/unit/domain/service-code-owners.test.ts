import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../../src/config/parse-config-text.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { selectSuspects } from "../../../src/features/code-response/suspects.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, elsewhereFact, FORM_BODY, HistoryBuilder, pullFact } from "../../support/history-builder.js";

/** `services.<name>.codeOwners` (§13): a list, or a CODEOWNERS-format file in the service's repository. */
function suspectsWith(codeOwners: unknown, files?: Record<string, string | null>) {
  const config = ConfigSchema.parse({ services: { search: { paths: ["src/search/**"], codeOwners } } });
  const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
  const merged = [
    pullFact(7, { state: "MERGED", mergedAt: new Date("2026-02-03T14:00:00Z"), files: ["src/search/a.ts"] }),
  ];
  builder.history.code.suspects = { merged, codeowners: "* @carol\n" };
  if (files) builder.history.elsewhere = [elsewhereFact("acme/shop", { codeOwnersFiles: files })];
  const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
  const history = builder.history;
  return selectSuspects(project(history, ctx), history, config)?.pulls.map((pull) => pull.owners);
}

describe("a service's code owners source", () => {
  it("takes a list instead of the repository's CODEOWNERS", () => {
    expect(suspectsWith(["@acme/search-team", "dave"])).toEqual([["acme/search-team", "dave"]]);
  });

  it("takes a file read with the changes, and nobody when it is not there", () => {
    expect(suspectsWith("src/search/CODEOWNERS", { "src/search/CODEOWNERS": "*.ts @bob\n" })).toEqual([
      ["bob"],
    ]);
    expect(suspectsWith("src/search/CODEOWNERS", { "src/search/CODEOWNERS": null })).toEqual([[]]);
  });

  it("keeps the repository's CODEOWNERS without a source", () => {
    expect(suspectsWith(undefined)).toEqual([["carol"]]);
  });

  it("names the value it cannot take", () => {
    const problems = (value: string) => {
      const result = parseConfigText(
        `services:\n  search:\n    codeOwners: ${value}\n`,
        ".github/incident.yml",
      );
      return result.ok ? [] : result.error.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems(`["not a login"]`)).toEqual([
      "services.search.codeOwners[0]: expected a GitHub user (`@alice`) or team (`@org/team`) (got `not a login`)",
    ]);
    expect(problems(`"../CODEOWNERS"`)[0]).toContain("(got `../CODEOWNERS`)");
    expect(problems("[]")[0]).toContain("expected at least one owner");
    expect(problems("42")[0]).toContain("expected a list of owners");
  });
});
