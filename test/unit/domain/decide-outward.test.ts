import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { decideIncident } from "../../../src/features/incident/decide-incident.js";
import type { Plan } from "../../../src/kernel/plan.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const base = { config, botLogin: BOT, formTemplate: readFormTemplate(), checkLabels: false };
const now = new Date("2026-02-03T14:40:00Z");

/** Puts the app's planned comments into the history, as GitHub would. */
function apply(builder: HistoryBuilder, plan: Plan, at: string) {
  for (const write of plan) {
    if (write.kind === "add-comment") builder.comment(write.body, at, bot);
    if (write.kind === "update-comment") {
      const comment = builder.history.items.find(
        (item) => item.type === "comment" && item.id === write.commentId,
      );
      if (comment?.type === "comment") comment.body = write.body;
    }
  }
}

describe("deciding what the outside world is told", () => {
  it("claims due notices in the timeline's marker, so deciding again finds none", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment("/lead @dave\n/update Rolling back", "2026-02-03T14:30:00Z", user("bob"));
    const first = decideIncident({ ...base, history: builder.history, now });
    expect(first.notices.map((notice) => notice.headline)).toEqual([
      "🚨 INC-20260203-001: Incident declared",
      "👤 INC-20260203-001: Tech lead: @dave",
      "📣 INC-20260203-001: Status update posted",
    ]);
    const timeline = first.plan.find((write) => write.kind === "add-comment" && write.purpose === "timeline");
    expect(timeline && "body" in timeline ? (timeline.body ?? "").split("\n")[0] : "").toMatch(
      /^<!-- incident-app:timeline hash=[0-9a-f]+ notified=2026-02-03T14:30:00Z sent=[0-9a-f]{7},[0-9a-f]{7},[0-9a-f]{7} -->$/,
    );
    apply(builder, first.plan, "2026-02-03T14:30:05Z");
    const again = decideIncident({ ...base, history: builder.history, now });
    expect(again.notices).toEqual([]);
    expect(again.plan.filter((write) => write.kind !== "react" && write.kind !== "update-issue")).toEqual([]);
  });

  it("asks for the site to be published for a new public update, and records it once published", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment("/status public investigating Some searches fail.", "2026-02-03T14:30:00Z", user("carol"));
    const first = decideIncident({ ...base, history: builder.history, now });
    expect(first.publication).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{12}$/) });
    // No "published" reply until the site is: the executor publishes, then decides again.
    expect(first.plan.some((write) => "body" in write && (write.body ?? "").includes("Published"))).toBe(
      false,
    );
    const published = decideIncident({
      ...base,
      history: builder.history,
      now,
      outward: { published: first.publication?.hash ?? null },
    });
    expect(published.publication).toBeNull();
    const reply = published.plan.find(
      (write) => "body" in write && (write.body ?? "").includes("🌐 Published"),
    );
    expect(reply && "body" in reply ? reply.body : "").toContain(
      "🌐 Published to the [status page](https://acme.github.io/shop/status/): **Investigating** · “Some searches fail.”",
    );
    apply(builder, published.plan, "2026-02-03T14:30:05Z");
    expect(decideIncident({ ...base, history: builder.history, now }).publication).toBeNull();
  });

  it("says once when publishing failed, and asks again on the next event", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment("/status public identified Fix rolling out", "2026-02-03T14:30:00Z", user("carol"));
    const hash = decideIncident({ ...base, history: builder.history, now }).publication?.hash ?? null;
    const failed = decideIncident({
      ...base,
      history: builder.history,
      now,
      outward: {
        publishFailure: { hash, reason: "GitHub answered 403 (Resource not accessible by integration)" },
      },
    });
    const report = failed.plan.filter(
      (write) => "body" in write && (write.body ?? "").includes("could not be updated"),
    );
    expect(report).toHaveLength(1);
    apply(builder, failed.plan, "2026-02-03T14:30:05Z");
    const next = decideIncident({ ...base, history: builder.history, now });
    expect(next.publication).toEqual({ hash });
  });

  it("drafts comms with a one-line /status public to edit and post", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .comment("/identified\n/comms draft", "2026-02-03T14:30:00Z", user("carol"));
    const { plan } = decideIncident({ ...base, history: builder.history, now });
    const draft = plan.find(
      (write) => "body" in write && (write.body ?? "").includes("Customer-facing update"),
    );
    expect(draft && "body" in draft ? draft.body : "").toContain(
      "```text\n/status public identified We have identified the cause of the issues with search and are working on a fix.\n```",
    );
  });
});

describe("security incidents", () => {
  const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
  const securityForm = FORM_BODY.replace("- [ ] This is a security", "- [x] This is a security");

  it("are declared at the top severity, whatever the form or /declare said", () => {
    const fromForm = new HistoryBuilder({ body: securityForm }).label(
      "incident",
      "2026-02-03T14:23:00Z",
    ).history;
    expect(project(fromForm, ctx)).toMatchObject({ severity: "SEV-1", security: true });
    const byCommand = new HistoryBuilder({ body: securityForm }).comment(
      "/declare SEV-3",
      "2026-02-03T14:25:00Z",
      user("bob"),
    ).history;
    expect(project(byCommand, ctx).severity).toBe("SEV-1");
  });

  it("are raised when the security label is added later; people may lower them after", () => {
    const builder = new HistoryBuilder({ body: FORM_BODY })
      .label("incident", "2026-02-03T14:23:00Z")
      .label("security", "2026-02-03T14:30:00Z", user("bob"));
    const state = project(builder.history, ctx);
    expect(state.severity).toBe("SEV-1");
    expect(state.entries.filter((entry) => entry.kind === "severity").at(-1)?.text).toBe(
      "Severity SEV-2 → **SEV-1** (automatic escalation)",
    );
    builder.comment("/severity SEV-2 contained", "2026-02-03T14:40:00Z", user("bob"));
    expect(project(builder.history, ctx).severity).toBe("SEV-2");
  });

  it("keep impact and links off the declaration in a public repository, not in a private one", () => {
    const builder = new HistoryBuilder({ body: securityForm }).label("incident", "2026-02-03T14:23:00Z");
    const body = (history = builder.history) => {
      const write = decideIncident({ ...base, history, now }).plan.find(
        (w) => w.kind === "add-comment" && w.purpose === "declaration",
      );
      return write && "body" in write ? write.body : "";
    };
    expect(body()).toContain("| **Impact** | withheld: this is a security incident in a public repository");
    expect(body()).toContain("| **Links** | withheld |");
    expect(body()).not.toContain("food bank");
    builder.history.repo.private = true;
    expect(body()).toContain("| **Impact** | Search returns no results for food bank queries. |");
  });
});
