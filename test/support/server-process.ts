import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rename, rm, symlink } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * The production build run as `npm start` runs it: `node … dist/src/server.js` in a
 * child process, configured only through its environment.
 */
export const ROOT = new URL("../../", import.meta.url).pathname;

/** What the container's final stage holds besides `dist/` and `node_modules/` (the Dockerfile test checks it). */
export const RUNTIME_FILES = ["package.json", "app.yml", "templates", ".github/ISSUE_TEMPLATE"] as const;

/**
 * `npm run build`'s compile of the current sources, made once per content of `src/`
 * and shared by the test files that need it (several workers may race to make it;
 * the first to finish wins).
 */
async function compiledOnce(): Promise<string> {
  const hash = createHash("sha1");
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "src"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  for (const file of ["tsconfig.json", "tsconfig.build.json", ...files.split("\n").filter(Boolean).sort()])
    hash.update(`${file}\0${await readFile(join(ROOT, file), "utf8").catch(() => "")}\0`);
  const target = join(tmpdir(), `incident-app-dist-${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(join(target, "src", "server.js"))) return target;
  const scratch = await mkdtemp(join(tmpdir(), "incident-app-dist-"));
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", scratch], {
    cwd: ROOT,
  });
  try {
    await rename(scratch, target);
  } catch {
    await rm(scratch, { recursive: true, force: true });
  }
  return target;
}

/**
 * The production layout in a fresh folder, as the Dockerfile assembles it: the
 * compiled `dist/` (`npm run build`'s compile), the runtime files, and the
 * dependencies (linked). No `.env`, and the developer's `dist/` is untouched.
 */
/** How long a suite may take to compile the production build (several suites may compile at once on 2 cores). */
export const BUILD_TIMEOUT_MS = 180_000;

export async function buildProductionLayout(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "incident-app-"));
  await cp(await compiledOnce(), join(dir, "dist"), { recursive: true });
  for (const path of RUNTIME_FILES) await cp(join(ROOT, path), join(dir, path), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when a line matching `pattern` has been printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Node's flags for the server, as `npm start` and the Dockerfile give them (the Dockerfile
 * test checks both): a 32 MB young generation's half instead of 16 MB, so a busy replica
 * collects garbage half as often (`npm run bench:scale`: a sweep pass's replica CPU about 8 %
 * lower, peak memory 27–51 MB higher; docs/operating.md).
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"] as const;

/** `npm start` in `root` (a production layout): `node --max-semi-space-size=32 dist/src/server.js`. */
/** `nodeFlags`: flags for node itself (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
export function startServerProcess(
  env: NodeJS.ProcessEnv,
  root: string,
  nodeFlags: string[] = [],
): ServerProcess {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...nodeFlags, join(root, "dist/src/server.js")],
    {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let text = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text)) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`server did not print ${pattern} in ${timeoutMs} ms:\n${text}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(new Error(`server exited before printing ${pattern}:\n${text}`));
          }
        });
        check();
      });
    },
  };
}
