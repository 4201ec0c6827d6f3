import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { BODY_LIMIT, renderTimeline } from "../../../src/features/incident/timeline-view.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BUILT_IN_TEMPLATES } from "../../../src/render/renderer.js";
import { BOT, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };

function render(builder: HistoryBuilder, now = "2026-02-03T14:30:00Z") {
  return renderTimeline({
    state: project(builder.history, ctx),
    config,
    now: new Date(now),
    issueUrl: "https://x/1",
    templates: BUILT_IN_TEMPLATES,
  });
}

describe("the timeline comment", () => {
  it("renders clocks, roles and events", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment("/ack\n/lead @dave", "2026-02-03T14:25:00Z", user("bob"), { databaseId: 9 });
    expect(render(builder).body).toMatchInlineSnapshot(`
      "<!-- incident-app:timeline hash=c8ccb5cefd25 -->
      ## 🕒 Timeline · incident

      **SEV-2** · status **investigating** · IC @bob · Tech lead @dave · Comms — · Scribe — · SME —

      | Clock (UTC) | Time | Duration | Target |
      |---|---|---|---|
      | Impact started | 14:23 |  |  |
      | Detected | 14:23 | 0m to detect |  |
      | Declared | 14:23 |  |  |
      | Acknowledged | 14:25 | 2m to acknowledge | ✅ met (target 15m) |
      | IC engaged | 14:25 | 2m to engage an IC | ✅ met (target 30m) |
      | Mitigated | — |  | ⏳ running, 25m left (target 30m) |
      | Resolved | — |  | ⏳ running, 3h 53m left (target 4h) |

      Next update due **14:53** (UTC). 

      | Time (UTC) | Event | By |
      |---|---|---|
      | 14:23 | Declared **SEV-2**, status **investigating** (from the form) | @alice |
      | 14:25 | Acknowledged [↗](https://github.com/acme/shop/issues/1#issuecomment-9) | @bob |
      | 14:25 | Incident commander: @bob [↗](https://github.com/acme/shop/issues/1#issuecomment-9) | @bob |
      | 14:25 | Tech lead: @dave [↗](https://github.com/acme/shop/issues/1#issuecomment-9) | @bob |

      <sub>Kept up to date by the incident app from this issue's history. \`/timeline\` rebuilds it.</sub>
      "
    `);
  });

  it("keeps its hash when only the time left changes, and changes it when a target flips", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
    const a = render(builder, "2026-02-03T14:25:00Z");
    const b = render(builder, "2026-02-03T14:30:00Z");
    const c = render(builder, "2026-02-03T14:40:00Z");
    expect(a.body).not.toEqual(b.body);
    expect(a.hash).toEqual(b.hash);
    expect(c.hash).not.toEqual(b.hash);
  });

  it("neutralises what people typed: no HTML, no mentions, no table breaks, no template syntax", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment(
        "/note <img src=x> @everyone | {{#each x}} <!-- incident-app:timeline -->",
        "2026-02-03T14:25:00Z",
        user("bob"),
      );
    const { body } = render(builder);
    const row = body.split("\n").find((line) => line.includes("Note:")) ?? "";
    expect(row).toContain("&lt;img src=x&gt;");
    expect(row).toContain("@\u200beveryone");
    expect(row).toContain("\\|");
    expect(row).toContain("{{#each x}}");
    expect(body.match(/incident-app:timeline/g)).toHaveLength(1);
  });

  it("folds old entries to stay under GitHub's size limit", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
    for (let index = 0; index < 400; index++) {
      builder.comment(`/note ${"detail ".repeat(40)}${index}`, "2026-02-03T14:25:00Z", user("bob"));
    }
    const { body } = render(builder);
    expect(body.length).toBeLessThan(BODY_LIMIT);
    expect(body).toMatch(/\| … \| \d+ earlier entries folded/);
    expect(body).toContain(" 399”");
  });
});
