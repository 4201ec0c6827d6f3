import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { ownersOf, parseCodeowners } from "../../../src/features/code-response/codeowners.js";
import { selectSuspects } from "../../../src/features/code-response/suspects.js";
import type { DeploymentFact } from "../../../src/kernel/history.js";
import { matchesPath } from "../../../src/kernel/path-glob.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, FORM_BODY, HistoryBuilder, pullFact } from "../../support/history-builder.js";

const ctx = (config = ConfigSchema.parse({})) => ({
  config,
  botLogin: BOT,
  formTemplate: readFormTemplate(),
});

/** The form says impact started 14:23 and the service is `search`. */
function declared(
  merged: ReturnType<typeof pullFact>[],
  deployments: DeploymentFact[] = [],
  codeowners: string | null = null,
) {
  const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
  builder.history.code.suspects = { merged, codeowners };
  builder.history.code.deployments = deployments;
  return builder.history;
}

const merge = (number: number, at: string, files: string[], base = "main") =>
  pullFact(number, { state: "MERGED", mergedAt: new Date(at), files, baseRefName: base });

describe("path patterns", () => {
  it.each([
    ["*", "a/b.ts", true],
    ["*.ts", "src/deep/a.ts", true],
    ["*.ts", "src/a.js", false],
    ["/docs/", "docs/a.md", true],
    ["/docs/", "src/docs/a.md", false],
    ["docs/", "docs/a.md", true],
    ["src/search/**", "src/search/scoring.ts", true],
    ["src/search/**", "src/searching.ts", false],
    ["/src/search/", "src/search/a/b.ts", true],
    ["**/logs", "deep/logs/x.log", true],
    ["apps/*/api", "apps/shop/api/x.ts", true],
    ["apps/*/api", "apps/shop/web/x.ts", false],
  ])("%s matches %s: %s", (pattern, path, expected) => {
    expect(matchesPath(pattern, path)).toBe(expected);
  });
});

describe("CODEOWNERS", () => {
  const rules = parseCodeowners(
    "# owners\n*       @acme/everyone\n/src/search/ @dave @acme/search # search team\n*.md @erin\n",
  );

  it("takes the last matching line", () => {
    expect(ownersOf(rules, "src/search/scoring.ts")).toEqual(["dave", "acme/search"]);
    expect(ownersOf(rules, "src/search/README.md")).toEqual(["erin"]);
    expect(ownersOf(rules, "lib/x.ts")).toEqual(["acme/everyone"]);
  });
});

describe("selectSuspects", () => {
  it("lists pull requests merged into the default branch in the window before impact, newest first", () => {
    const history = declared([
      merge(1, "2026-02-03T14:14:00Z", ["src/search/scoring.ts"]),
      merge(2, "2026-02-03T10:00:00Z", ["README.md"]),
      merge(3, "2026-02-01T10:00:00Z", ["src/a.ts"]), // before the window
      merge(4, "2026-02-03T14:30:00Z", ["src/a.ts"]), // after impact started
      merge(5, "2026-02-03T13:00:00Z", ["src/a.ts"], "release"), // not the default branch
    ]);
    const suspects = selectSuspects(project(history, ctx()), history, ctx().config);
    expect(suspects?.pulls.map((pull) => pull.number)).toEqual([1, 2]);
    expect(suspects?.from).toEqual(new Date("2026-02-02T14:23:00Z"));
  });

  it("narrows to the affected services' paths and names their code owners", () => {
    const config = ConfigSchema.parse({ services: { search: { paths: ["src/search/**"] } } });
    const history = declared(
      [
        merge(1, "2026-02-03T14:14:00Z", ["src/search/scoring.ts", "README.md"]),
        merge(2, "2026-02-03T14:00:00Z", ["README.md"]),
      ],
      [],
      "/src/search/ @dave @erin\nREADME.md @docs-team\n",
    );
    const suspects = selectSuspects(project(history, ctx(config)), history, config);
    expect(suspects?.pulls).toEqual([expect.objectContaining({ number: 1, owners: ["dave", "erin"] })]);
    expect(suspects?.responders).toEqual(["dave", "erin"]);
    expect(suspects?.paths).toEqual(["src/search/**"]);
  });

  it("lists deployments to the watched environment in the window", () => {
    const deployment = (id: number, environment: string, at: string): DeploymentFact => ({
      id,
      sha: `${id}`.repeat(40).slice(0, 40),
      environment,
      ref: "main",
      createdAt: new Date(at),
      creator: "dave",
      description: null,
      statuses: [{ state: "SUCCESS", at: new Date(at), by: "dave", description: null }],
    });
    const history = declared(
      [],
      [deployment(7, "production", "2026-02-03T14:15:00Z"), deployment(8, "staging", "2026-02-03T14:15:00Z")],
    );
    const suspects = selectSuspects(project(history, ctx()), history, ctx().config);
    expect(suspects?.deployments.map((d) => [d.environment, d.state, d.creator])).toEqual([
      ["production", "SUCCESS", "dave"],
    ]);
  });

  it("is null when the read did not look (not a declaration)", () => {
    const history = declared([]);
    history.code.suspects = null;
    expect(selectSuspects(project(history, ctx()), history, ctx().config)).toBeNull();
  });
});
