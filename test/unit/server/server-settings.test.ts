import { describe, expect, it } from "vitest";
import { healthHandler } from "../../../src/server/health.js";
import { unquoteSettings } from "../../../src/server/quoted-env.js";
import { sweepSettings } from "../../../src/server/sweep-settings.js";

describe("SWEEP_INTERVAL", () => {
  it.each([
    [undefined, 300_000],
    ["", 300_000],
    ["10m", 600_000],
    ["90s", 90_000],
    ["1h30m", 5_400_000],
  ])("%s runs the sweep every %d ms", (value, ms) => {
    expect(sweepSettings({ SWEEP_INTERVAL: value }).intervalMs).toBe(ms);
  });

  it.each(["off", "OFF", "0", "false"])("%s turns it off", (value) => {
    expect(sweepSettings({ SWEEP_INTERVAL: value })).toEqual({ intervalMs: null, text: "off" });
  });

  it.each(["5", "30s", "soon", "-5m"])("refuses %s, saying what to write", (value) => {
    expect(() => sweepSettings({ SWEEP_INTERVAL: value })).toThrow(
      `SWEEP_INTERVAL=${JSON.stringify(value)} is not a usable interval: write a duration of at least 1m (e.g. 5m, 90s, 1h), or off.`,
    );
  });
});

describe("settings passed by `docker run --env-file`", () => {
  it("loses the quotes `.env` keeps around the private key", () => {
    const env: NodeJS.ProcessEnv = { PRIVATE_KEY: '"-----BEGIN RSA PRIVATE KEY-----\\nabc"', APP_ID: "'12'" };
    unquoteSettings(env);
    expect(env).toEqual({ PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\\nabc", APP_ID: "12" });
  });

  it("keeps values that are not wrapped in one pair of quotes", () => {
    const env: NodeJS.ProcessEnv = { WEBHOOK_SECRET: 'a"b"', PRIVATE_KEY: '"' };
    unquoteSettings(env);
    expect(env).toEqual({ WEBHOOK_SECRET: 'a"b"', PRIVATE_KEY: '"' });
  });
});

describe("GET /healthz", () => {
  function call(method: string, url: string) {
    const sent: { status?: number; headers?: Record<string, string>; body?: string } = {};
    const res = {
      writeHead(status: number, headers: Record<string, string>) {
        sent.status = status;
        sent.headers = headers;
        return res;
      },
      end(body?: string) {
        sent.body = body;
      },
    };
    const handler = healthHandler({ version: "1.2.3", startedAt: 1_000, now: () => 43_400 });
    const handled = handler({ method, url } as never, res as never);
    return { handled, ...sent };
  }

  it("answers with the status, version and uptime in seconds", () => {
    expect(call("GET", "/healthz")).toEqual({
      handled: true,
      status: 200,
      headers: { "content-type": "application/json", "cache-control": "no-store" },
      body: '{"status":"ok","version":"1.2.3","uptime":42}',
    });
    expect(call("GET", "/healthz?probe=1").status).toBe(200);
  });

  it("leaves every other request to the next handler", () => {
    expect(call("POST", "/healthz").handled).toBe(false);
    expect(call("GET", "/healthz/extra").handled).toBe(false);
    expect(call("GET", "/").handled).toBe(false);
  });
});
