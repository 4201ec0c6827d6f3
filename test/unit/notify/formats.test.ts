import { describe, expect, it } from "vitest";
import { FORMATS } from "../../../src/features/outward/formats/index.js";
import { incident, noticesOf } from "./notices.js";

const [declared, severity] = noticesOf(
  incident([["/severity SEV-1 <!channel> *everyone* is <@U1> affected | see [x](http://e.vil)", "14:25"]]),
);
if (!declared || !severity) throw new Error("fixture");

describe("what each kind of chat target receives", () => {
  it("Slack: Block Kit with a fallback text, facts, the quote and buttons back to the incident", () => {
    expect(FORMATS.slack(severity)).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "emoji": true,
              "text": "⚠️ INC-20260203-001: Severity SEV-2 → SEV-1",
              "type": "plain_text",
            },
            "type": "header",
          },
          {
            "fields": [
              {
                "text": "*Severity*
      SEV-1",
                "type": "mrkdwn",
              },
              {
                "text": "*Status*
      investigating",
                "type": "mrkdwn",
              },
              {
                "text": "*Incident commander*
      nobody yet",
                "type": "mrkdwn",
              },
              {
                "text": "*Services*
      search",
                "type": "mrkdwn",
              },
            ],
            "text": {
              "text": "*<https://github.com/acme/shop/issues/1|Search returns no results>*",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": ">&lt;!channel&gt; *everyone* is &lt;@U1&gt; affected | see [x](http://e.vil)",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": "2026-02-03 14:25 UTC · by bob",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
          {
            "elements": [
              {
                "text": {
                  "text": "Open incident",
                  "type": "plain_text",
                },
                "type": "button",
                "url": "https://github.com/acme/shop/issues/1",
              },
              {
                "text": {
                  "text": "View comment",
                  "type": "plain_text",
                },
                "type": "button",
                "url": "https://github.com/acme/shop/issues/1#issuecomment-1001",
              },
            ],
            "type": "actions",
          },
        ],
        "text": "⚠️ INC-20260203-001: Severity SEV-2 → SEV-1 · Search returns no results",
      }
    `);
  });

  it("Teams: one Adaptive Card with a fact set and an Open incident action", () => {
    expect(FORMATS.teams(declared)).toMatchInlineSnapshot(`
      {
        "attachments": [
          {
            "content": {
              "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
              "actions": [
                {
                  "title": "Open incident",
                  "type": "Action.OpenUrl",
                  "url": "https://github.com/acme/shop/issues/1",
                },
              ],
              "body": [
                {
                  "color": "Attention",
                  "size": "Medium",
                  "text": "🚨 INC-20260203-001: Incident declared",
                  "type": "TextBlock",
                  "weight": "Bolder",
                  "wrap": true,
                },
                {
                  "text": "Search returns no results",
                  "type": "TextBlock",
                  "wrap": true,
                },
                {
                  "facts": [
                    {
                      "title": "Severity",
                      "value": "SEV-2",
                    },
                    {
                      "title": "Status",
                      "value": "investigating",
                    },
                    {
                      "title": "Incident commander",
                      "value": "nobody yet",
                    },
                    {
                      "title": "Services",
                      "value": "search",
                    },
                  ],
                  "type": "FactSet",
                },
                {
                  "text": "Search returns no results for food bank queries.",
                  "type": "TextBlock",
                  "wrap": true,
                },
                {
                  "isSubtle": true,
                  "size": "Small",
                  "text": "2026-02-03 14:23 UTC · by alice",
                  "type": "TextBlock",
                  "wrap": true,
                },
              ],
              "type": "AdaptiveCard",
              "version": "1.4",
            },
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
          },
        ],
        "type": "message",
      }
    `);
  });

  it("Discord: an embed coloured by severity that pings nobody", () => {
    expect(FORMATS.discord(severity)).toMatchInlineSnapshot(`
      {
        "allowed_mentions": {
          "parse": [],
        },
        "embeds": [
          {
            "color": 11928069,
            "description": "Search returns no results

      > \\<!channel\\> \\*everyone\\* is \\<@U1\\> affected \\| see \\[x\\](http://e.vil)",
            "fields": [
              {
                "inline": true,
                "name": "Severity",
                "value": "SEV-1",
              },
              {
                "inline": true,
                "name": "Status",
                "value": "investigating",
              },
              {
                "inline": true,
                "name": "Incident commander",
                "value": "nobody yet",
              },
              {
                "inline": true,
                "name": "Services",
                "value": "search",
              },
            ],
            "footer": {
              "text": "2026-02-03 14:25 UTC · by bob",
            },
            "timestamp": "2026-02-03T14:25:00.000Z",
            "title": "⚠️ INC-20260203-001: Severity SEV-2 → SEV-1",
            "url": "https://github.com/acme/shop/issues/1#issuecomment-1001",
          },
        ],
      }
    `);
  });

  it("a generic JSON webhook: the notice as data", () => {
    expect(FORMATS.webhook(declared)).toMatchInlineSnapshot(`
      {
        "at": "2026-02-03T14:23:00.000Z",
        "by": "alice",
        "detail": "Search returns no results for food bank queries.",
        "event": "incident.declared",
        "headline": "🚨 INC-20260203-001: Incident declared",
        "incident": {
          "commander": null,
          "id": "INC-20260203-001",
          "security": false,
          "services": [
            "search",
          ],
          "severity": "SEV-2",
          "status": "investigating",
          "title": "Search returns no results",
          "url": "https://github.com/acme/shop/issues/1",
        },
        "key": "93c7042",
        "link": "https://github.com/acme/shop/issues/1",
        "text": "🚨 INC-20260203-001: Incident declared · Search returns no results",
      }
    `);
  });

  it("keeps people's text from pinging or linking in any format", () => {
    const slack = JSON.stringify(FORMATS.slack(severity));
    expect(slack).not.toContain("<!channel>");
    expect(slack).not.toContain("<@U1>");
    const discord = JSON.stringify(FORMATS.discord(severity));
    expect(discord).not.toMatch(/[^\\]<@U1>/);
    expect(discord).not.toMatch(/[^\\]\[x\]/);
  });
});
