import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * The production build run as `npm start` runs it: `node dist/src/server.js` in a
 * child process, configured only through its environment.
 */
export const ROOT = new URL("../../", import.meta.url).pathname;

export async function buildProduction(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: ROOT,
    },
  );
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** A working directory with only what `npm start` reads from it (`app.yml`, `package.json`): no `.env`. */
export async function cleanWorkingDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "incident-server-"));
  await cp(join(ROOT, "app.yml"), join(dir, "app.yml"));
  await cp(join(ROOT, "package.json"), join(dir, "package.json"));
  return dir;
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

export function startServerProcess(env: NodeJS.ProcessEnv, cwd: string): ServerProcess {
  const child = spawn(process.execPath, [join(ROOT, "dist/src/server.js")], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
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
