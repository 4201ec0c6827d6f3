import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT, RUNTIME_FILES, SERVER_NODE_FLAGS } from "../../support/server-process.js";
import { argsOf, readStages } from "./dockerfile-rules.js";

/**
 * The container, checked without Docker: multi-stage, production dependencies
 * only, the compiled app and the files it reads at run time, a non-root user, a
 * health check. Where a Docker daemon answers, the image is also built.
 */
const dockerfile = readFileSync(`${ROOT}Dockerfile`, "utf8");
const dockerignore = readFileSync(`${ROOT}.dockerignore`, "utf8").split("\n");
const stages = readStages(dockerfile);
const final = stages.at(-1);
if (!final) throw new Error("Dockerfile has no stage");

function dockerDaemon(): boolean {
  try {
    execFileSync("docker", ["info"], { stdio: "ignore", timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

describe("Dockerfile", () => {
  it("builds in one stage and runs from another", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(argsOf(final, "COPY").some((args) => /^--from=\S+\s+\S*dist\s/.test(args))).toBe(true);
    for (const stage of stages) expect(stage.from).toMatch(/^node:20(-|$)/);
  });

  it("installs production dependencies only in the final stage", () => {
    const runs = argsOf(final, "RUN").join("\n");
    expect(runs).toMatch(/npm ci [^\n]*--omit=dev/);
    expect(runs).not.toMatch(/npm (install|i)\b/);
    expect(runs.match(/npm ci/g)).toHaveLength(1);
    expect(argsOf(final, "ENV").join(" ")).toMatch(/NODE_ENV=production/);
  });

  it("copies every file the app reads at run time", () => {
    const copies = argsOf(final, "COPY").join("\n");
    for (const path of RUNTIME_FILES) expect(copies, `COPY ${path}`).toContain(path);
  });

  it("runs as a user other than root", () => {
    const user = argsOf(final, "USER").at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it("listens on all interfaces and checks its health at /healthz", () => {
    expect(argsOf(final, "ENV").join(" ")).toMatch(/HOST=0\.0\.0\.0/);
    const health = argsOf(final, "HEALTHCHECK");
    expect(health).toHaveLength(1);
    expect(health[0]).toContain("/healthz");
  });

  it("starts the server with the same node flags as `npm start` and the tests' production runs", () => {
    const command = ["node", ...SERVER_NODE_FLAGS, "dist/src/server.js"];
    expect(argsOf(final, "CMD").at(-1)).toBe(JSON.stringify(command).replaceAll(",", ", "));
    const scripts = (
      JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: { start: string } }
    ).scripts;
    expect(scripts.start).toBe(command.join(" "));
  });

  it("sends no secrets or local state to the build", () => {
    for (const pattern of [".env", "*.pem", "node_modules", ".git", "dist"])
      expect(dockerignore).toContain(pattern);
  });

  const daemon = dockerDaemon();
  it.skipIf(!daemon)(
    daemon ? "builds the image" : "builds the image (skipped: no Docker daemon answers `docker info` here)",
    async () => {
      const tag = `incident-app-test:${Date.now()}`;
      await promisify(execFile)("docker", ["build", "-t", tag, ROOT], { timeout: 600_000 });
      const { stdout } = await promisify(execFile)("docker", [
        "image",
        "inspect",
        "-f",
        "{{.Config.User}}",
        tag,
      ]);
      expect(stdout.trim()).toBe("node");
      await promisify(execFile)("docker", ["image", "rm", tag]);
    },
    660_000,
  );
});

describe("production dependencies", () => {
  it("cover every package the compiled app imports (the image has no dev dependencies)", () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
      dependencies: Record<string, string>;
    };
    const files = execFileSync("git", ["ls-files", "src"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    const missing = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(`${ROOT}${file}`, "utf8").matchAll(
        /^import(?!\s+type\b)[^"']*["']([^"'.][^"']*)["']/gm,
      )) {
        const specifier = match[1] ?? "";
        if (specifier.startsWith("node:")) continue;
        const name = specifier.startsWith("@")
          ? specifier.split("/").slice(0, 2).join("/")
          : (specifier.split("/")[0] ?? "");
        if (!(name in pkg.dependencies)) missing.add(`${name} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
