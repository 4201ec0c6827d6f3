import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { statusSiteFiles } from "../../../src/features/outward/status-page/site-files.js";
import { siteUrl } from "../../../src/features/outward/status-page/site-url.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { bot, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({
  services: { search: {}, api: {} },
  statusPage: { title: "Acme status" },
});
const ctx = { config, botLogin: bot.login, formTemplate: readFormTemplate() };

function incident(number: number, day: string, updates: Array<[string, string]>) {
  const builder = new HistoryBuilder({ body: FORM_BODY, at: `${day}T14:00:00Z` });
  builder.history.issue.number = number;
  builder.label("incident", `${day}T14:00:00Z`);
  builder.comment(
    `<!-- incident-app:declaration id=INC-${day.replaceAll("-", "")}-001 -->\nDeclared`,
    `${day}T14:00:05Z`,
    bot,
  );
  updates.forEach(([at, command]) => {
    builder.comment(command, `${day}T${at}:00Z`, user("carol"));
  });
  return builder.history;
}

const histories = [
  incident(1, "2026-01-20", [
    ["14:10", "/status public investigating Slow searches."],
    ["15:00", "/status public resolved Fixed."],
  ]),
  incident(2, "2026-02-03", [
    ["14:30", '/status public investigating Searches <b>fail</b> & time out for "some" users.'],
    ["14:45", "/status public identified A bad deploy; rolling back."],
  ]),
];
const files = (now = "2026-02-04T00:00:00Z", overrides = {}) =>
  Object.fromEntries(
    statusSiteFiles({ histories, ctx, now: new Date(now), nameWithOwner: "acme/shop", overrides }).map(
      (file) => [file.path, file.content],
    ),
  );

describe("the status site's files", () => {
  it("writes index.html, incidents.json and feed.xml into the configured folder", () => {
    expect(Object.keys(files())).toEqual(["status/index.html", "status/incidents.json", "status/feed.xml"]);
  });

  it("incidents.json: services, then open incidents and those of the last 90 days, newest first", () => {
    expect(JSON.parse(files()["status/incidents.json"] ?? "")).toMatchInlineSnapshot(`
      {
        "incidents": [
          {
            "id": "INC-20260203-001",
            "name": "Incident affecting search",
            "resolvedAt": null,
            "services": [
              "search",
            ],
            "startedAt": "2026-02-03T14:30:00Z",
            "status": "identified",
            "updates": [
              {
                "at": "2026-02-03T14:45:00Z",
                "status": "identified",
                "text": "A bad deploy; rolling back.",
              },
              {
                "at": "2026-02-03T14:30:00Z",
                "status": "investigating",
                "text": "Searches <b>fail</b> & time out for "some" users.",
              },
            ],
            "url": "https://acme.github.io/shop/status/#inc-20260203-001",
          },
          {
            "id": "INC-20260120-001",
            "name": "Incident affecting search",
            "resolvedAt": "2026-01-20T15:00:00Z",
            "services": [
              "search",
            ],
            "startedAt": "2026-01-20T14:10:00Z",
            "status": "resolved",
            "updates": [
              {
                "at": "2026-01-20T15:00:00Z",
                "status": "resolved",
                "text": "Fixed.",
              },
              {
                "at": "2026-01-20T14:10:00Z",
                "status": "investigating",
                "text": "Slow searches.",
              },
            ],
            "url": "https://acme.github.io/shop/status/#inc-20260120-001",
          },
        ],
        "services": [
          {
            "name": "search",
            "status": "identified",
          },
          {
            "name": "api",
            "status": "operational",
          },
        ],
        "status": "1 ongoing incident",
        "title": "Acme status",
        "updated": "2026-02-03T14:45:00Z",
        "url": "https://acme.github.io/shop/status/",
      }
    `);
  });

  it("feed.xml: an Atom entry per public update, newest first, text escaped", () => {
    expect(files()["status/feed.xml"]).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
      <title>Acme status</title>
      <subtitle>Incident updates</subtitle>
      <id>https://acme.github.io/shop/status/</id>
      <link rel="self" type="application/atom+xml" href="https://acme.github.io/shop/status/feed.xml"/>
      <link rel="alternate" type="text/html" href="https://acme.github.io/shop/status/"/>
      <updated>2026-02-03T14:45:00Z</updated>
      <author><name>Acme status</name></author>
      <entry>
      <id>https://acme.github.io/shop/status/#inc-20260203-001/2026-02-03T14:45:00Z</id>
      <title>[Identified] Incident affecting search (INC-20260203-001)</title>
      <link rel="alternate" type="text/html" href="https://acme.github.io/shop/status/#inc-20260203-001"/>
      <updated>2026-02-03T14:45:00Z</updated>
      <content type="text">A bad deploy; rolling back.</content>
      </entry>
      <entry>
      <id>https://acme.github.io/shop/status/#inc-20260203-001/2026-02-03T14:30:00Z</id>
      <title>[Investigating] Incident affecting search (INC-20260203-001)</title>
      <link rel="alternate" type="text/html" href="https://acme.github.io/shop/status/#inc-20260203-001"/>
      <updated>2026-02-03T14:30:00Z</updated>
      <content type="text">Searches &lt;b&gt;fail&lt;/b&gt; &amp; time out for &quot;some&quot; users.</content>
      </entry>
      <entry>
      <id>https://acme.github.io/shop/status/#inc-20260120-001/2026-01-20T15:00:00Z</id>
      <title>[Resolved] Incident affecting search (INC-20260120-001)</title>
      <link rel="alternate" type="text/html" href="https://acme.github.io/shop/status/#inc-20260120-001"/>
      <updated>2026-01-20T15:00:00Z</updated>
      <content type="text">Fixed.</content>
      </entry>
      <entry>
      <id>https://acme.github.io/shop/status/#inc-20260120-001/2026-01-20T14:10:00Z</id>
      <title>[Investigating] Incident affecting search (INC-20260120-001)</title>
      <link rel="alternate" type="text/html" href="https://acme.github.io/shop/status/#inc-20260120-001"/>
      <updated>2026-01-20T14:10:00Z</updated>
      <content type="text">Slow searches.</content>
      </entry>
      </feed>
      "
    `);
  });

  it("feed.xml is well-formed XML", () => {
    expect(XMLValidator.validate(files()["status/feed.xml"] ?? "")).toBe(true);
  });

  it("index.html: semantic, escaped, no script, one article per incident", () => {
    const html = files()["status/index.html"] ?? "";
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h2 id="overall" class="banner tone-disrupted">1 ongoing incident</h2>');
    expect(html).toContain(
      '<li><span>search</span> <span class="badge tone-disrupted"><a href="#inc-20260203-001">Identified</a></span></li>',
    );
    expect(html).toContain('<li><span>api</span> <span class="badge tone-ok">Operational</span></li>');
    expect(html).toContain("Searches &lt;b&gt;fail&lt;/b&gt; &amp; time out for &quot;some&quot; users.");
    expect(html.match(/<article /g)).toHaveLength(2);
    expect(html.length).toBeLessThan(10_000);
  });

  it("is the same whenever it is rendered, until an incident leaves the window", () => {
    expect(files("2026-02-05T09:00:00Z")).toEqual(files());
    expect(files("2026-04-25T00:00:00Z")["status/incidents.json"]).not.toContain("INC-20260120-001");
  });

  it("takes the repo's templates instead of the built-in ones", () => {
    const custom = files(undefined, {
      "index.html": "<h1>{{title}}</h1>{{#each open}}{{> incident}}{{/each}}",
      "incident.html": "<p>{{name}}: {{stateLabel}}</p>",
    });
    expect(custom["status/index.html"]).toBe(
      "<h1>Acme status</h1><p>Incident affecting search: Identified</p>\n",
    );
  });

  it("is served from GitHub Pages' address unless another is configured", () => {
    expect(siteUrl(config, "acme/shop")).toBe("https://acme.github.io/shop/status/");
    expect(siteUrl(config, "Acme/acme.github.io")).toBe("https://acme.github.io/status/");
    const custom = ConfigSchema.parse({ statusPage: { url: "https://status.acme.com" } });
    expect(siteUrl(custom, "acme/shop")).toBe("https://status.acme.com/");
  });
});
