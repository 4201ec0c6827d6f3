import { describe, expect, it } from "vitest";
import { importCycles, readImportGraph, roomOf } from "./import-graph.js";

/**
 * The rooms of `src/` and what each may import (docs/architecture.md). Pure rings
 * (kernel, commands, config, render, features) never reach GitHub or another outside
 * system; only `src/github/` calls Octokit; pipelines and the entry points join them.
 */
const PURE = ["kernel", "commands", "config", "render"];
const FEATURES = [
  "features/incident",
  "features/code-response",
  "features/action-items",
  "features/sweep",
  "features/outward",
  "features/report",
  "features/alerts",
  "features/war-room",
  "features/checklists",
];
const ALLOWED: Record<string, string[]> = {
  kernel: ["config", "commands"],
  commands: ["config", "render"],
  config: ["render"],
  render: ["config", "kernel"],
  // The incident room composes the others: its decision adds their writes to one plan.
  "features/incident": [
    ...PURE,
    "features/code-response",
    "features/action-items",
    "features/outward",
    "features/checklists",
  ],
  ...Object.fromEntries(FEATURES.filter((room) => room !== "features/incident").map((room) => [room, PURE])),
  // The walls read into and write from the pure types; they never decide.
  github: [...PURE, ...FEATURES],
  outside: [...PURE, ...FEATURES],
  pipelines: [...PURE, ...FEATURES, "github", "outside"],
  // Time-based work on the job queue (BullMQ on Redis, or in process): it runs pipelines.
  jobs: [...PURE, ...FEATURES, "github", "outside", "pipelines"],
  entry: [...PURE, ...FEATURES, "github", "outside", "pipelines", "jobs"],
};

/** Packages that talk to the world: the pure rings may import their types, never their code. */
const IO_PACKAGES =
  /^(probot|@octokit\/|ioredis|bullmq|@slack\/|@pagerduty\/|node:(http|https|net|child_process))/;

/** What calling GitHub looks like in source. */
const OCTOKIT_CALL = /\.rest\.\w|\.graphql\s*[<(]|\.paginate\s*\(|octokit\.request\s*\(/;

const graph = readImportGraph("src");

describe("the architecture of src/", () => {
  it("puts every file in a known room", () => {
    const unknown = graph.files.filter((file) => !(roomOf(file) in ALLOWED));
    expect(unknown).toEqual([]);
  });

  it("keeps each room's imports to the rooms it may use", () => {
    const violations = graph.files.flatMap((file) => {
      const room = roomOf(file);
      return (graph.imports.get(file) ?? [])
        .filter((edge) => edge.local)
        .map((edge) => ({ edge, target: roomOf(edge.target) }))
        .filter(({ target }) => target !== room && !ALLOWED[room]?.includes(target))
        .map(({ edge, target }) => `${file} (${room}) imports ${edge.target} (${target})`);
    });
    expect(violations).toEqual([]);
  });

  it("keeps the pure rings free of code that talks to the world (types are fine)", () => {
    const pure = [...PURE, ...FEATURES];
    const violations = graph.files
      .filter((file) => pure.includes(roomOf(file)))
      .flatMap((file) =>
        (graph.imports.get(file) ?? [])
          .filter((edge) => !edge.local && !edge.typeOnly && IO_PACKAGES.test(edge.target))
          .map((edge) => `${file} imports ${edge.target}`),
      );
    expect(violations).toEqual([]);
  });

  it("calls Octokit only inside src/github, with one cast to its type", () => {
    const calls = graph.files.filter(
      (file) => roomOf(file) !== "github" && OCTOKIT_CALL.test(graph.text.get(file) ?? ""),
    );
    expect(calls).toEqual([]);
    const casts = graph.files.filter((file) =>
      /\bas (unknown as )?Octokit\b/.test(graph.text.get(file) ?? ""),
    );
    expect(casts).toEqual(["src/github/client.ts"]);
  });

  it("has no import cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it("keeps files under 300 lines", () => {
    const long = graph.files
      .map((file) => ({ file, lines: (graph.text.get(file) ?? "").split("\n").length }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});

describe("the architecture checks themselves", () => {
  it("find a cycle, a room crossing and an Octokit call when there is one", () => {
    const fake = {
      files: ["src/features/sweep/a.ts", "src/features/sweep/b.ts"],
      imports: new Map([
        ["src/features/sweep/a.ts", [{ target: "src/features/sweep/b.ts", typeOnly: false, local: true }]],
        ["src/features/sweep/b.ts", [{ target: "src/features/sweep/a.ts", typeOnly: true, local: true }]],
      ]),
      text: new Map(),
    };
    expect(importCycles(fake)).toEqual([["src/features/sweep/a.ts", "src/features/sweep/b.ts"]]);
    expect(ALLOWED["features/sweep"]).not.toContain("github");
    expect(ALLOWED["features/sweep"]).not.toContain("features/incident");
    expect(OCTOKIT_CALL.test("await octokit.graphql<Data>(QUERY)")).toBe(true);
    expect(OCTOKIT_CALL.test("await context.octokit.rest.issues.create({})")).toBe(true);
    expect(IO_PACKAGES.test("probot")).toBe(true);
    expect(IO_PACKAGES.test("node:crypto")).toBe(false);
  });
});
