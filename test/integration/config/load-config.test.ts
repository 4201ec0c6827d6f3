import nock from "nock";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearConfigCache, EXTERNAL_CONFIG_TTL_MS } from "../../../src/config/config-cache.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { loadConfig } from "../../../src/github/load-config.js";
import { API, inIssuesOpenedHandler } from "./probot-context.js";

const FILE = ".github%2Fincident.yml";
const OWN = `/repos/Codertocat/Hello-World/contents/${FILE}`;
const ORG = `/repos/Codertocat/.github/contents/${FILE}`;
const OTHER = `/repos/Codertocat/other-repo/contents/${FILE}`;
const RAW = { "content-type": "application/vnd.github.raw; charset=utf-8" };
const DEFAULTS = ConfigSchema.parse({});

/** A request GitHub is expected to answer: the path, the status, the body, its headers. */
type Reply = [path: string, status: number, body: nock.Body, headers?: nock.ReplyHeaders];
const text = (path: string, body: string): Reply => [path, 200, body, RAW];
const notFound = (path: string): Reply => [path, 404, { message: "Not Found" }];

/** A config file's error: GitHub's answers, in order, and the error with its problems. */
type FileErrorCase = { name: string; replies: Reply[]; file: string; problems: unknown[] };

/** Every request must be one the test expects, and every expected one must be made. */
function github(...replies: Reply[]): nock.Scope {
  const scope = nock(API);
  for (const [path, status, body, headers] of replies) scope.get(path).reply(status, body, headers);
  return scope;
}

/** The errors a config file can have, each found on the issue's first read. */
const FILE_ERRORS: FileErrorCase[] = [
  {
    name: "reports an `_extends` target that does not exist instead of ignoring it",
    replies: [text(OWN, "_extends: other-repo\ntimeZone: UTC\n"), notFound(OTHER)],
    file: ".github/incident.yml",
    problems: [
      {
        path: "_extends",
        message:
          "points to `Codertocat/other-repo:.github/incident.yml`, which does not exist or which the app cannot " +
          "read (is it installed on `Codertocat/other-repo`?)",
      },
    ],
  },
  {
    name: "names the extended file a problem is in",
    replies: [
      text(OWN, "_extends: other-repo\ntimeZone: Mars/Olympus\n"),
      text(OTHER, "severities:\n  - name: SEV-1\n    ack: soon\n"),
    ],
    file: ".github/incident.yml",
    problems: [
      {
        path: "severities[0].ack",
        message: "expected a duration such as 5m, 1h, 2d or 1w (got `soon`)",
        file: "Codertocat/other-repo:.github/incident.yml",
      },
      {
        path: "timeZone",
        message:
          "expected an IANA time zone such as UTC, Europe/Berlin or America/New_York (got `Mars/Olympus`)",
      },
    ],
  },
  {
    name: "turns a YAML syntax error found by Probot's loader into a ConfigError with line and column",
    replies: [text(OWN, "labels:\n  incident: x\n triage: y\n")],
    file: ".github/incident.yml",
    problems: [
      {
        path: "",
        message: "YAML syntax error at line 3, column 1: All mapping items must start at the same column",
        snippet: "  incident: x\n triage: y\n^",
      },
    ],
  },
  {
    name: "reports an invalid `_extends` value",
    replies: [text(OWN, "_extends: 'not a repo!'\n")],
    file: ".github/incident.yml",
    problems: [
      {
        path: "_extends",
        message: "expected `repo`, `owner/repo` or `owner/repo:path/file.yml` (got `not a repo!`)",
      },
    ],
  },
  {
    name: "reports files that extend each other in a loop",
    replies: [text(OWN, "_extends: other-repo\n"), text(OTHER, "_extends: Hello-World\n")],
    file: "Codertocat/other-repo:.github/incident.yml",
    problems: [
      {
        path: "_extends",
        message:
          "leads back to `Codertocat/Hello-World:.github/incident.yml`, which was already loaded: the files " +
          "extend each other in a loop",
      },
    ],
  },
  {
    name: "reports a directory where the file should be",
    replies: [
      [OWN, 200, [{ name: "x.yml", type: "file" }], { "content-type": "application/json; charset=utf-8" }],
    ],
    file: ".github/incident.yml",
    problems: [{ path: "", message: "is a directory or a submodule, not a file" }],
  },
  {
    name: "reports a 403 on the file as a ConfigError naming the file",
    replies: [
      text(OWN, "_extends: acme/private\n"),
      [`/repos/acme/private/contents/${FILE}`, 403, { message: "Resource not accessible by integration" }],
    ],
    file: "acme/private:.github/incident.yml",
    problems: [{ path: "", message: expect.stringMatching(/^could not be read: GitHub answered 403 /) }],
  },
];

beforeAll(() => nock.disableNetConnect());
beforeEach(() => clearConfigCache());
afterEach(() => {
  nock.cleanAll();
});

describe("loadConfig through Probot's config loader", () => {
  it("reads the repo's own file, then serves the same oid from the cache without a request", async () => {
    const scope = github(text(OWN, "defaultSeverity: SEV-3\ntimeZone: Europe/Berlin\n"));
    const [first, second] = await inIssuesOpenedHandler(async (context) => [
      await loadConfig(context, { oid: "blob-1", now: () => 0 }),
      await loadConfig(context, { oid: "blob-1", now: () => 10 * 60_000 }),
    ]);
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
    expect(first).toMatchObject({
      ok: true,
      config: { ...DEFAULTS, defaultSeverity: "SEV-3", timeZone: "Europe/Berlin" },
      source: { origin: "repo", files: [".github/incident.yml"], cached: false },
    });
    // The repo's own file is covered by its oid: no expiry.
    expect(second).toEqual({
      ...first,
      source: { origin: "repo", files: [".github/incident.yml"], cached: true },
    });
  });

  it("reads the file again when its oid changes", async () => {
    const scope = github(text(OWN, "timeZone: UTC\n"), text(OWN, "timeZone: Asia/Tokyo\n"));
    const [first, second] = await inIssuesOpenedHandler(async (context) => [
      await loadConfig(context, { oid: "blob-1", now: () => 0 }),
      await loadConfig(context, { oid: "blob-2", now: () => 0 }),
    ]);
    expect(scope.isDone()).toBe(true);
    expect(first.ok && first.config.timeZone).toBe("UTC");
    expect(second.ok && second.config.timeZone).toBe("Asia/Tokyo");
  });

  it("without a known oid uses any unexpired cached config; a config loaded so is kept for a minute", async () => {
    const scope = github(text(OWN, "timeZone: UTC\n"), text(OWN, "timeZone: UTC\n"));
    const calls: Array<[string | null | undefined, number]> = [
      [undefined, 0], // loads, oid unknown: kept for a minute
      [undefined, 1_000], // cached
      ["blob-1", 1_000], // cached: the entry takes the oid of the history read
      ["blob-2", 1_000], // the file changed: loads, kept while the oid is blob-2
      [undefined, 100 * EXTERNAL_CONFIG_TTL_MS], // cached
      ["blob-2", 100 * EXTERNAL_CONFIG_TTL_MS], // cached
    ];
    const results = await inIssuesOpenedHandler(async (context) => {
      const cached: boolean[] = [];
      for (const [oid, now] of calls) {
        const result = await loadConfig(context, { oid, now: () => now });
        cached.push(result.ok && result.source.cached);
      }
      return cached;
    });
    expect(scope.isDone()).toBe(true);
    expect(results).toEqual([false, true, true, false, true, true]);
  });

  it("lets the oid a config loaded without one takes vouch for it when it came from the repo's own file", async () => {
    const scope = github(text(OWN, "timeZone: UTC\n"));
    const results = await inIssuesOpenedHandler(async (context) => [
      await loadConfig(context, { oid: undefined, now: () => 0 }),
      await loadConfig(context, { oid: "blob-1", now: () => 1_000 }),
      await loadConfig(context, { oid: "blob-1", now: () => 100 * EXTERNAL_CONFIG_TTL_MS }),
    ]);
    expect(scope.isDone()).toBe(true);
    expect(results.map((result) => result.ok && result.source.cached)).toEqual([false, true, true]);
  });

  it("reloads a config loaded without an oid once the file's oid changes", async () => {
    const scope = github(text(OWN, "timeZone: UTC\n"), text(OWN, "timeZone: UTC\n"));
    const results = await inIssuesOpenedHandler(async (context) => [
      await loadConfig(context, { oid: undefined, now: () => 0 }),
      await loadConfig(context, { oid: "blob-1", now: () => 1_000 }),
      await loadConfig(context, { oid: "blob-2", now: () => 2_000 }),
    ]);
    expect(scope.isDone()).toBe(true);
    expect(results.map((result) => result.ok && result.source.cached)).toEqual([false, true, false]);
  });

  it("follows `_extends: other-repo`: own keys win, mappings merge, lists replace; cached for a minute", async () => {
    const own =
      "_extends: other-repo\nstatuses: [open, fixed, closed]\nmitigatedStatus: fixed\nlabels:\n  incident: outage\n";
    const base = [
      "labels:",
      "  triage: needs-triage",
      "statuses: [a, b, c, d]",
      "timeZone: America/New_York",
      "severities:",
      "  - name: Major",
      "    ack: 10m",
      "  - name: Minor",
    ].join("\n");
    const scope = github(text(OWN, own), text(OTHER, base), text(OWN, own), text(OTHER, base));
    const results = await inIssuesOpenedHandler(async (context) => [
      await loadConfig(context, { oid: "blob-1", now: () => 0 }),
      await loadConfig(context, { oid: "blob-1", now: () => EXTERNAL_CONFIG_TTL_MS - 1 }),
      await loadConfig(context, { oid: "blob-1", now: () => EXTERNAL_CONFIG_TTL_MS }),
    ]);
    expect(scope.isDone()).toBe(true);
    const [first, cached, reloaded] = results;
    if (!first?.ok) throw new Error(JSON.stringify(first));
    expect(first.source).toEqual({
      origin: "repo",
      files: [".github/incident.yml", "Codertocat/other-repo:.github/incident.yml"],
      cached: false,
    });
    expect(first.config.labels).toEqual({ ...DEFAULTS.labels, incident: "outage", triage: "needs-triage" });
    expect(first.config.statuses).toEqual(["open", "fixed", "closed"]);
    expect(first.config.timeZone).toBe("America/New_York");
    expect(first.config.severities.map((severity) => [severity.name, severity.ack])).toEqual([
      ["Major", 600_000],
      ["Minor", null],
    ]);
    expect(cached).toMatchObject({ ok: true, source: { cached: true } });
    expect(reloaded).toMatchObject({ ok: true, source: { cached: false } });
  });

  it("falls back to the organisation's .github repository when the repo has no file", async () => {
    const scope = github(notFound(OWN), text(ORG, "recentChanges:\n  window: 48h\n"));
    const [first, second] = await inIssuesOpenedHandler(async (context) => [
      await loadConfig(context, { oid: null, now: () => 0 }),
      await loadConfig(context, { oid: null, now: () => 1_000 }),
    ]);
    expect(scope.isDone()).toBe(true);
    expect(first).toMatchObject({
      ok: true,
      config: { recentChanges: { window: 172_800_000 } },
      source: { origin: "org", files: ["Codertocat/.github:.github/incident.yml"], cached: false },
    });
    expect(second).toMatchObject({ ok: true, source: { origin: "org", cached: true } });
  });

  it("uses the defaults when there is no file anywhere", async () => {
    const scope = github(notFound(OWN), notFound(ORG));
    const result = await inIssuesOpenedHandler((context) => loadConfig(context, { oid: null, now: () => 0 }));
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      ok: true,
      config: DEFAULTS,
      source: { origin: "defaults", files: [], cached: false },
    });
  });

  it.each(FILE_ERRORS.map((errorCase) => [errorCase.name, errorCase] as const))(
    "%s",
    async (_name, { replies, file, problems }) => {
      const scope = github(...replies);
      const result = await inIssuesOpenedHandler((context) =>
        loadConfig(context, { oid: "blob-1", now: () => 0 }),
      );
      expect(scope.isDone()).toBe(true);
      expect(result.ok ? null : result.error).toEqual({ file, problems, hash: expect.any(String) });
    },
  );

  it("reports a file that is a list, and caches the error like a config", async () => {
    const scope = github(text(OWN, "- a\n- b\n"));
    const [first, second] = await inIssuesOpenedHandler(async (context) => [
      await loadConfig(context, { oid: "blob-1", now: () => 0 }),
      await loadConfig(context, { oid: "blob-1", now: () => 0 }),
    ]);
    expect(scope.isDone()).toBe(true);
    expect(first.ok ? null : first.error.problems).toEqual([
      { path: "", message: "expected options as `key: value` lines (got a list)" },
    ]);
    expect(second).toEqual(first);
  });

  it("rethrows a GitHub server error rather than blaming the file, and caches nothing", async () => {
    const scope = github([OWN, 502, { message: "Bad Gateway" }], text(OWN, "timeZone: UTC\n"));
    const [failure, retry] = await inIssuesOpenedHandler(async (context) => [
      await loadConfig(context, { oid: "blob-1", now: () => 0 }).catch(
        (error: { status?: number }) => error.status,
      ),
      await loadConfig(context, { oid: "blob-1", now: () => 0 }),
    ]);
    expect(scope.isDone()).toBe(true);
    expect(failure).toBe(502);
    expect(retry).toMatchObject({ ok: true, source: { cached: false } });
  });
});
