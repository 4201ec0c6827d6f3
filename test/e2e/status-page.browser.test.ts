/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_TARGETS, startDemoReceiver } from "../../scripts/demo/outward-output.js";
import { playDemo } from "../../scripts/demo/run-demo.js";
import { CHROMIUM, chromiumAvailable, openLocalPage } from "../support/browser.js";
import { startHarness } from "../support/harness.js";

/**
 * The status page as people see it: the demo incident played on the simulator, its
 * site opened in Debian's Chromium with JavaScript off. The screenshot lands in
 * demo-output/status/ next to the site.
 */
const available = chromiumAvailable();
if (!available) {
  const bar = "!".repeat(78);
  console.warn(
    `\n${bar}\n!! SKIPPED: the status page browser check needs Chromium at ${CHROMIUM}.\n!! Install it with \`apt-get install -y chromium\` (about a minute); .ci/run installs it.\n${bar}\n`,
  );
}

const OUT = resolve("demo-output", "status");

describe.skipIf(!available)("the status page in a real browser (Chromium)", () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it("loads without JavaScript, shows the incident and its updates, and is screenshotted", async () => {
    const receiver = await startDemoReceiver();
    closers.push(() => receiver.close());
    const harness = await startHarness({ chat: { env: () => process.env } });
    closers.push(() => harness.close());
    await playDemo(harness);
    expect(receiver.requests().length).toBeGreaterThan(0);
    expect(Object.keys(DEMO_TARGETS)).toHaveLength(2);

    await mkdir(OUT, { recursive: true });
    for (const [path, content] of harness.publisher.branches.get("gh-pages") ?? [])
      await writeFile(join(OUT, path.replace(/^status\//, "")), content);

    const page = await openLocalPage(join(OUT, "index.html"), join(OUT, "screenshot.png"), (tab) =>
      tab.evaluate(() => {
        const text = (node: Element | null) =>
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what people read.
          (node as HTMLElement | null)?.innerText?.replace(/\s+/g, " ").trim() ?? "";
        return {
          lang: document.documentElement.lang,
          scripts: document.querySelectorAll("script").length,
          headings: [...document.querySelectorAll("h1, h2, h3")].map((h) => `${h.tagName} ${text(h)}`),
          services: [...document.querySelectorAll(".services li")].map(text),
          incidents: [...document.querySelectorAll("article")].map((article) => ({
            id: article.id,
            visible: (article as HTMLElement).offsetHeight > 0,
            meta: text(article.querySelector(".meta")),
            updates: [...article.querySelectorAll(".updates li")].map(text),
          })),
          times: [...document.querySelectorAll("time")].every((time) => time.getAttribute("datetime")),
          feed: document.querySelector('link[type="application/atom+xml"]')?.getAttribute("href"),
        };
      }),
    );

    expect(page.title).toBe("CareConnect status");
    expect(page.errors).toEqual([]);
    expect(page.result).toEqual({
      lang: "en",
      scripts: 0,
      headings: [
        "H1 CareConnect status",
        "H2 All systems operational",
        "H2 Services",
        "H2 Ongoing incidents",
        "H2 Past incidents (last 90 days)",
        "H3 Incident affecting search",
      ],
      services: ["search Operational"],
      incidents: [
        {
          id: "inc-20260203-001",
          visible: true,
          meta: "Resolved INC-20260203-001 · started 2026-02-03 14:31 UTC · resolved 2026-02-03 15:12 UTC",
          updates: [
            "Resolved · 2026-02-03 15:12 UTC Search is working normally again since 14:40. We apologize for the inconvenience.",
            "Identified · 2026-02-03 14:34 UTC We found the cause, a recent change to search, and are rolling it back.",
            "Investigating · 2026-02-03 14:31 UTC Some searches for food assistance services return no results. We are investigating.",
          ],
        },
      ],
      times: true,
      feed: "feed.xml",
    });
    console.log(`status page checked in ${page.version}; screenshot: demo-output/status/screenshot.png`);
  });
});
