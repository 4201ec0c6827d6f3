import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { freezersOf } from "../../../src/features/code-response/decide-freeze-elsewhere.js";
import {
  affectedRepositories,
  codeRepositories,
  elsewhereNeeds,
  freezesRepository,
  frozenRepositories,
  idRepositories,
  ownRepositoryAffected,
  reachesElsewhere,
} from "../../../src/features/code-response/org-scope.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";

const FORM_TEMPLATE = readFormTemplate();

const config = (freeze: "affected" | "all" = "affected") =>
  ConfigSchema.parse({
    organisation: { repository: "acme/incidents", freeze },
    services: {
      search: { repository: "acme/search-service", paths: ["src/**"] },
      api: { repository: "acme/api" },
      docs: {},
    },
  });
const own = "acme/incidents";

describe("which repositories an incident reaches (organisation mode)", () => {
  it("names the affected services' repositories, its own left out", () => {
    expect(affectedRepositories(config(), ["search", "docs", "unknown"], own)).toEqual([
      "acme/search-service",
    ]);
    expect(affectedRepositories(config(), ["search"], "acme/search-service")).toEqual([]);
    expect(ownRepositoryAffected(config(), ["search"], own)).toBe(false);
    expect(ownRepositoryAffected(config(), ["docs"], own)).toBe(true);
    expect(ownRepositoryAffected(config(), [], own)).toBe(true);
  });

  it("shares the id sequence with the incidents and every service's repository", () => {
    expect(idRepositories(config(), "acme/api")).toEqual(["acme/incidents", "acme/search-service"]);
    expect(idRepositories(ConfigSchema.parse({}), own)).toEqual([]);
  });

  it("freezes the affected services' repositories, or all with `freeze: all`", () => {
    expect(freezesRepository(config(), own, ["search"], "acme/search-service")).toBe(true);
    expect(freezesRepository(config(), own, ["search"], "acme/api")).toBe(false);
    expect(freezesRepository(config("all"), own, ["search"], "acme/api")).toBe(true);
    expect(freezesRepository(config(), "acme/api", [], "acme/api")).toBe(true);
    const installation = ["acme/incidents", "acme/api", "acme/web"];
    expect(frozenRepositories(config(), ["api"], own, installation)).toEqual(["acme/api"]);
    expect(frozenRepositories(config("all"), ["api"], own, installation)).toEqual(["acme/api", "acme/web"]);
  });

  it("reads each repository once, with every part it is needed for", () => {
    expect(
      elsewhereNeeds({ ids: ["acme/api", "acme/web"], suspects: ["ACME/api"], freeze: ["acme/web"] }),
    ).toEqual([
      { repo: "acme/api", ids: true, suspects: true, freeze: false },
      { repo: "acme/web", ids: true, suspects: false, freeze: true },
    ]);
  });

  it("knows which freezing incidents of the incidents repository freeze a code repository", () => {
    const body = (services: string) => `### Severity\n\nSEV-1\n\n### Affected services\n\n${services}\n`;
    const issues = [
      { number: 1, title: "[INC-20260203-001] a", url: "u1", body: body("search") },
      { number: 2, title: "b", url: "u2", body: body("api") },
    ];
    expect(freezersOf(config(), own, issues, FORM_TEMPLATE, "acme/api")).toEqual([
      { name: "acme/incidents#2", url: "u2" },
    ]);
    expect(freezersOf(config("all"), own, issues, FORM_TEMPLATE, "acme/web")).toHaveLength(2);
  });
});

describe("the incident's code repositories (its timeline's code elsewhere)", () => {
  const state = (overrides: object) =>
    ({ form: { services: [] }, acknowledgements: [], linked: [], ...overrides }) as unknown as Parameters<
      typeof codeRepositories
    >[1];
  const accepted = (command: object) => ({ kind: "accepted", command });

  it("names the affected services' repositories and those the incident acted in, only as the config names them", () => {
    const seen = state({
      form: { services: ["search"] },
      acknowledgements: [
        accepted({ kind: "hotfix", from: null, repository: "ACME/api" }),
        accepted({ kind: "revert", pr: 3, repository: "acme/stranger" }),
        accepted({ kind: "note", text: "x" }),
      ],
      linked: [{ pull: { url: "https://github.com/acme/search-service/pull/4" } }],
    });
    expect(codeRepositories(config(), seen, own)).toEqual(["acme/search-service", "acme/api"]);
  });

  it("leaves out its own repository, and has none without services or commands", () => {
    expect(
      codeRepositories(config(), state({ form: { services: ["search"] } }), "acme/search-service"),
    ).toEqual([]);
    expect(codeRepositories(config(), state({}), own)).toEqual([]);
  });

  it("reads the code part with whatever else a repository needs", () => {
    const needs = elsewhereNeeds({
      ids: ["acme/api"],
      suspects: [],
      freeze: [],
      code: ["acme/api", "acme/x"],
    });
    expect(needs).toEqual([
      { repo: "acme/api", ids: true, suspects: false, freeze: false, code: true },
      { repo: "acme/x", ids: false, suspects: false, freeze: false, code: true },
    ]);
  });
});

describe("reachesElsewhere: whether an event that declares nothing may read another repository", () => {
  const stateOf = (overrides: object) =>
    ({ form: { services: [] }, acknowledgements: [], linked: [], ...overrides }) as unknown as Parameters<
      typeof codeRepositories
    >[1];
  it("not when the config names no repository but the incident's own", () => {
    expect(reachesElsewhere(ConfigSchema.parse({}), own)).toBe(false);
    const here = ConfigSchema.parse({
      organisation: { repository: "ACME/incidents" },
      services: { search: { repository: "acme/Incidents" }, docs: {} },
    });
    expect(reachesElsewhere(here, own)).toBe(false);
  });

  it("when a service or the incidents repository is elsewhere, or a freeze reaches every repository", () => {
    expect(reachesElsewhere(config(), own)).toBe(true);
    expect(reachesElsewhere(ConfigSchema.parse({ services: { api: { repository: "acme/api" } } }), own)).toBe(
      true,
    );
    expect(reachesElsewhere(ConfigSchema.parse({ organisation: { repository: "acme/other" } }), own)).toBe(
      true,
    );
    expect(reachesElsewhere(ConfigSchema.parse({ organisation: { freeze: "all" } }), own)).toBe(true);
  });

  it("agrees with what is read elsewhere: nothing, whatever the incident did, when it says not", () => {
    const here = ConfigSchema.parse({ services: { search: {}, api: { repository: own } } });
    const acted = {
      form: { services: ["search", "api"] },
      acknowledgements: [
        { kind: "accepted", command: { kind: "hotfix", from: null, repository: own } },
        { kind: "accepted", command: { kind: "revert", pr: 3, repository: "acme/stranger" } },
      ],
      linked: [{ pull: { url: "https://github.com/acme/stranger/pull/4" } }],
    };
    expect(reachesElsewhere(here, own)).toBe(false);
    expect(affectedRepositories(here, ["search", "api"], own)).toEqual([]);
    expect(frozenRepositories(here, ["search", "api"], own, [])).toEqual([]);
    expect(codeRepositories(here, stateOf(acted), own)).toEqual([]);
  });
});
