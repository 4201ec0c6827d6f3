import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";

/**
 * A throwaway Redis for one test file: Debian's `redis-server` on a free localhost
 * port, nothing saved to disk, stopped (by its pid) when the test is done.
 */
export interface RedisServer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

export function redisServerPath(): string | null {
  try {
    return execFileSync("which", ["redis-server"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}

/** `port`: start again where an earlier one ran (a Redis restarted, empty). */
export async function startRedisServer(options: { port?: number } = {}): Promise<RedisServer> {
  const path = redisServerPath();
  if (!path) throw new Error("redis-server is not installed: apt-get install -y redis-server");
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    path,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  return {
    host: "127.0.0.1",
    port,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
