import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../support/server-process.js";

/** `.env.example` names every setting: Probot's that the server uses, and every one the app reads itself. */
const example = readFileSync(`${ROOT}.env.example`, "utf8");
const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));

const PROBOT_SETTINGS = [
  "APP_ID",
  "PRIVATE_KEY",
  "PRIVATE_KEY_PATH",
  "WEBHOOK_SECRET",
  "WEBHOOK_PATH",
  "PORT",
  "HOST",
  "LOG_LEVEL",
  "LOG_FORMAT",
  "REDIS_URL",
  "GHE_HOST",
  "GHE_PROTOCOL",
  "WEBHOOK_PROXY_URL",
];

function readByApp(): string[] {
  const files = execFileSync("git", ["ls-files", "src"], { cwd: ROOT, encoding: "utf8" }).split("\n");
  const names = new Set<string>();
  for (const file of files.filter(Boolean))
    for (const match of readFileSync(`${ROOT}${file}`, "utf8").matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g))
      if (match[1]) names.add(match[1]);
  return [...names];
}

describe(".env.example", () => {
  it.each(PROBOT_SETTINGS)("documents Probot's %s", (name) => {
    expect(documented.has(name)).toBe(true);
  });

  it("documents every variable the app reads (GitHub Actions' own GITHUB_* aside)", () => {
    const missing = readByApp().filter((name) => !name.startsWith("GITHUB_") && !documented.has(name));
    expect(missing).toEqual([]);
  });

  it("says how time zones work", () => {
    expect(example).toMatch(/^TZ=/m);
    expect(example).toContain("timeZone");
  });

  it("holds no value that looks like a secret", () => {
    for (const name of ["APP_ID", "PRIVATE_KEY", "WEBHOOK_SECRET", "REDIS_URL"])
      expect(example).toMatch(new RegExp(`^${name}=$`, "m"));
  });
});
