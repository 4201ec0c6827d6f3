import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import { ROOT } from "../../support/server-process.js";

/**
 * `app.yml` asks for what the app uses and no more: its events are the ones the
 * app's handlers listen to, and every permission is explained to people in the
 * install section of the README.
 */
interface Manifest {
  name: string;
  description: string;
  public: boolean;
  default_events: string[];
  default_permissions: Record<string, string>;
  hook_attributes?: unknown;
  redirect_url?: unknown;
}

const manifest = load(readFileSync(`${ROOT}app.yml`, "utf8")) as Manifest;
const installDocs = readFileSync(`${ROOT}docs/README-install-section.md`, "utf8");
const workflow = load(readFileSync(`${ROOT}.github/workflows/incident-app.yml`, "utf8")) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Array<{ run?: string; env?: Record<string, string> }> }>;
};

/** The events the app's handlers are registered for, without starting anything. */
function handledEvents(): Set<string> {
  const names = new Set<string>();
  const fake = {
    on: (events: string | string[]) => {
      for (const event of [events].flat()) names.add(event.split(".")[0] ?? event);
    },
    log: { info() {}, debug() {}, warn() {}, error() {} },
  } as unknown as Probot;
  void createApp({ botLogin: async () => "incident-bot[bot]" })(fake, { cwd: ROOT, addHandler() {} });
  return names;
}

// Sent to every app whatever it subscribes to; a manifest that lists them is rejected.
// `repository_dispatch` reaches an app with Contents access when someone dispatches to
// the repository (Actions mode's alerts); it is not a checkbox of the app's settings.
const ALWAYS_SENT = new Set(["installation", "installation_repositories", "repository_dispatch"]);

describe("app.yml", () => {
  it("subscribes to exactly the events the app handles", () => {
    const subscribable = [...handledEvents()].filter((event) => !ALWAYS_SENT.has(event));
    expect(new Set(manifest.default_events)).toEqual(new Set(subscribable));
  });

  it("asks for what the handlers use and nothing more", () => {
    expect(manifest.default_permissions).toEqual({
      metadata: "read",
      issues: "write",
      contents: "write",
      pull_requests: "write",
      checks: "write",
      deployments: "write",
      organization_projects: "write",
    });
    expect(manifest.public).toBe(false);
  });

  it("leaves the webhook and redirect URLs to the setup page", () => {
    expect(manifest.hook_attributes).toBeUndefined();
    expect(manifest.redirect_url).toBeUndefined();
  });

  it("has no apostrophe Probot's setup page would cut the manifest at", () => {
    expect(JSON.stringify(manifest)).not.toContain("'");
  });

  it("has each permission and event explained in the install docs", () => {
    for (const permission of Object.keys(manifest.default_permissions))
      expect(installDocs).toMatch(new RegExp(`\\|\\s*${permission.replace("_", "[ _]")}`, "i"));
    for (const event of manifest.default_events) expect(installDocs).toContain(`\`${event}\``);
  });
});

describe(".github/workflows/incident-app.yml", () => {
  it("runs on the events the app subscribes to, and on a schedule for the sweep", () => {
    const sweep = ["schedule", "workflow_dispatch"];
    expect(
      Object.keys(workflow.on)
        .filter((key) => !sweep.includes(key))
        .sort(),
    ).toEqual([...manifest.default_events].sort());
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(sweep));
  });

  it("gives the default token the app's permissions and nothing more", () => {
    expect(workflow.permissions).toEqual({
      contents: "write",
      issues: "write",
      "pull-requests": "write",
      checks: "write",
      deployments: "read",
    });
  });

  it("says plainly what the default token cannot do, and how to mint an app token", () => {
    const text = readFileSync(`${ROOT}.github/workflows/incident-app.yml`, "utf8");
    expect(text).toMatch(/Projects \(v2\)/);
    expect(text).toMatch(/run no CI/);
    expect(text).toContain("create-github-app-token");
  });

  it("runs the compiled Actions entry with the job's token and the bot it writes as", () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const entry = steps.find((step) => step.run?.includes("dist/src/actions-entry.js"));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(entry?.env).toEqual({ GITHUB_TOKEN: "${{ github.token }}", APP_SLUG: "github-actions" });
  });
});

describe("the docs agree with app.yml and the workflow", () => {
  const security = readFileSync(`${ROOT}docs/security.md`, "utf8");
  const gettingStarted = readFileSync(`${ROOT}docs/getting-started.md`, "utf8");

  it("security.md names every permission and event of app.yml and of the workflow", () => {
    for (const [permission, access] of Object.entries(manifest.default_permissions))
      expect(security).toContain(`\`${permission}: ${access}\``);
    for (const event of manifest.default_events) expect(security).toContain(`\`${event}\``);
    for (const permission of Object.keys(workflow.permissions))
      expect(security).toContain(`\`${permission}\``);
  });

  it("getting-started.md names every permission the workflow grants", () => {
    for (const [permission, access] of Object.entries(workflow.permissions))
      expect(gettingStarted).toContain(`\`${permission}: ${access}\``);
    expect(gettingStarted).toMatch(/Projects \(v2\)/);
    expect(gettingStarted).toMatch(/start no CI/);
  });
});

describe("LICENSE", () => {
  it("is the licence package.json declares", () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { license: string };
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(`${ROOT}LICENSE`, "utf8")).toMatch(/^MIT License/);
  });
});
