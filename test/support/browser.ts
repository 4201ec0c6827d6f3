import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import puppeteer, { type Page } from "puppeteer-core";

/**
 * Debian's Chromium driven by puppeteer-core (which downloads no browser), for
 * checking the status page as people see it. `.ci/run` installs Chromium when missing; docs/status-page.md says what
 * CI installs.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface PageCheck {
  title: string;
  /** Problems the page reported (console errors, failed requests). */
  errors: string[];
  version: string;
}

/** Opens a local HTML file, runs `inspect` on it, and writes a full-page screenshot. */
export async function openLocalPage<T>(
  file: string,
  screenshot: string,
  inspect: (page: Page) => Promise<T>,
): Promise<PageCheck & { result: T }> {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
    await page.setViewport({ width: 900, height: 700 });
    await page.setJavaScriptEnabled(false);
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const result = await inspect(page);
    await page.screenshot({ path: screenshot as `${string}.png`, fullPage: true });
    return { title: await page.title(), errors, version: await browser.version(), result };
  } finally {
    await browser.close();
  }
}
