import { execFile, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rename, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT, RUNTIME_FILES } from "../../test/support/server-process.js";

/**
 * The app in a child process of its own (scripts/bench/app-process.ts compiled by
 * tsc, as `npm run build` compiles the app), so its memory is measured without the
 * simulator's. The compile is made once per content of the sources (about 15 s)
 * and kept in the system's temporary folder.
 */
export interface AppChild {
  webhookUrl: string;
  /** `process.memoryUsage()` of the child after a full garbage collection (bytes), and its CPU time (µs). */
  memory(): Promise<NodeJS.MemoryUsage & { cpu: NodeJS.CpuUsage }>;
  /** The child's CPU time so far (µs), without the full garbage collection `memory()` forces. */
  cpu(): Promise<NodeJS.CpuUsage>;
  close(): Promise<void>;
}

const ENTRY = "scripts/bench/app-process.ts";
const TSCONFIG = "scripts/bench/tsconfig.app-process.json";

async function compiledOnce(): Promise<string> {
  // The folder links this checkout's node_modules: a copy made from another checkout is not ours.
  const hash = createHash("sha1").update(`${ROOT}\0`);
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "src"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const files = ["tsconfig.json", TSCONFIG, ENTRY, ...listed.split("\n").filter(Boolean).sort()];
  for (const file of files)
    hash.update(`${file}\0${await readFile(join(ROOT, file), "utf8").catch(() => "")}\0`);
  const target = join(tmpdir(), `incident-app-bench-${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(join(target, "dist", ENTRY.replace(/\.ts$/, ".js")))) return target;
  const scratch = await mkdtemp(join(tmpdir(), "incident-app-bench-"));
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", TSCONFIG, "--outDir", join(scratch, "dist")], {
    cwd: ROOT,
  });
  for (const path of RUNTIME_FILES) await cp(join(ROOT, path), join(scratch, path), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(scratch, "node_modules"), "dir");
  try {
    await rename(scratch, target);
  } catch {
    await rm(scratch, { recursive: true, force: true });
  }
  return target;
}

export async function startAppChild(settings: {
  githubUrl: string;
  privateKey: string;
  secret: string;
  /** The bare Probot baseline instead of the app. */
  bare?: boolean;
}): Promise<AppChild> {
  const root = await compiledOnce();
  // BENCH_CPU_PROF=<folder>: the app writes a CPU profile there when it stops (the bare app does not).
  const profile = process.env.BENCH_CPU_PROF && !settings.bare;
  const flags = profile ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(
    process.execPath,
    [...flags, "--expose-gc", join(root, "dist", ENTRY.replace(/\.ts$/, ".js"))],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        GITHUB_URL: settings.githubUrl,
        PRIVATE_KEY: settings.privateKey,
        WEBHOOK_SECRET: settings.secret,
        ...(settings.bare ? { APP: "bare" } : {}),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const match = /listening on (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) =>
      reject(new Error(`app-process exited (${code}) before listening:\n${text}`)),
    );
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    webhookUrl: `${base}/api/github/webhooks`,
    async memory() {
      const response = await fetch(`${base}/bench/memory`);
      return (await response.json()) as NodeJS.MemoryUsage & { cpu: NodeJS.CpuUsage };
    },
    async cpu() {
      const response = await fetch(`${base}/bench/cpu`);
      return (await response.json()) as NodeJS.CpuUsage;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
