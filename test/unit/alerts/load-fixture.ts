import { readFileSync } from "node:fs";

/** A payload from test/fixtures/alerts, parsed as the server would parse the request body. */
export function loadAlertFixture(name: string): Record<string, unknown> {
  const url = new URL(`../../fixtures/alerts/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}
