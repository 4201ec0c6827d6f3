import fc from "fast-check";
import { expect, it } from "vitest";
import { readFormTemplate } from "../../src/app-deps.js";
import { type Config, ConfigSchema } from "../../src/config/schema.js";
import { appArtifacts } from "../../src/domain/app-artifacts.js";
import type { IssueHistory } from "../../src/domain/history.js";
import type { IncidentState } from "../../src/domain/incident-state.js";
import { readMarkers } from "../../src/domain/markers.js";
import { decideIncident } from "../../src/plan/decide-incident.js";
import { SHORTENED_NOTE } from "../../src/render/fit-comment.js";
import { applyInMemory } from "../support/apply-in-memory.js";
import { BOT, FORM_BODY, HistoryBuilder } from "../support/history-builder.js";
import { AUTHORS, hostileBody, notifiedMentions } from "./support/hostile-input.js";
import { summary } from "./support/summary.js";

/**
 * 10,000 hostile comment bodies (2,000 generated histories of 5 comments) through the
 * pure pipeline: decide, apply in memory with GitHub's limits, decide again until
 * nothing is left. No crash, every error answered, markers only where the app put
 * them, no mention of anyone nobody named, nothing over GitHub's size limits.
 */
const CONFIGS: Config[] = [
  ConfigSchema.parse({}),
  ConfigSchema.parse({
    onCall: { primary: ["oncall-ann"], secondary: ["@acme/sre"] },
    escalation: [{ after: "5m", when: "unacknowledged", notify: ["secondary", "@acme/eng-managers"] }],
  }),
];
const formTemplate = readFormTemplate();
const HISTORIES = 2_000;
const COMMENTS = 5;

const scenario = fc.record({
  config: fc.constantFrom(...CONFIGS),
  title: fc.oneof(
    fc.constant("Search returns no results"),
    fc.string({ minLength: 1, maxLength: 256, unit: "grapheme" }).filter((t) => t.trim() !== ""),
    fc.string({ minLength: 240, maxLength: 256 }).map((t) => `x${t}`),
  ),
  declared: fc.constantFrom("form", "command", "not yet"),
  comments: fc.array(
    fc.record({
      author: fc.constantFrom(...AUTHORS),
      body: hostileBody,
      minute: fc.integer({ min: 24, max: 58 }),
    }),
    { minLength: COMMENTS, maxLength: COMMENTS },
  ),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): IssueHistory {
  const builder = new HistoryBuilder({ title: s.title.slice(0, 256), body: FORM_BODY });
  if (s.declared === "form") builder.label("incident", "2026-02-03T14:23:00Z");
  if (s.declared === "command") builder.comment("/declare SEV-2", "2026-02-03T14:23:30Z");
  const sorted = [...s.comments].sort((a, b) => a.minute - b.minute);
  for (const c of sorted) {
    const at = `2026-02-03T14:${String(c.minute).padStart(2, "0")}:00Z`;
    builder.comment(
      c.body,
      at,
      { login: c.author.login, kind: c.author.kind },
      { association: c.author.association },
    );
  }
  return builder.history;
}

function allowedMentions(history: IssueHistory, state: IncidentState, config: Config): Set<string> {
  const named = new Set<string>();
  const add = (handle: string | null | undefined) =>
    handle && named.add(handle.replace(/^@/, "").toLowerCase());
  add(history.issue.author?.login);
  for (const item of history.items) add(item.type === "comment" ? item.author?.login : item.actor?.login);
  // Whoever an accepted command named (`/ic @u`), even if a later command replaced them.
  for (const ack of state.acknowledgements)
    if (ack.kind === "accepted" && ack.command.kind === "role")
      add(ack.command.handle === "me" ? ack.comment.author?.login : ack.command.handle);
  for (const handle of [...config.onCall.primary, ...config.onCall.secondary]) add(handle);
  for (const level of config.escalation) for (const handle of level.notify) add(handle);
  for (const severity of config.severities) for (const handle of severity.notify) add(handle);
  return named;
}

/** Decides and applies until nothing is left, checking every write; returns the rounds taken. */
function converge(history: IssueHistory, config: Config, counts: Counts): ReturnType<typeof decideIncident> {
  const now = new Date("2026-02-03T15:00:00Z");
  const input = { config, botLogin: BOT, formTemplate, checkLabels: false, now };
  let decision = decideIncident({ ...input, history });
  for (let round = 1; decision.plan.length > 0; round++) {
    if (round > 5) throw new Error(`no convergence: ${JSON.stringify(decision.plan).slice(0, 500)}`);
    counts.rounds += 1;
    counts.writes += decision.plan.length;
    const allowed = allowedMentions(history, decision.state, config);
    for (const write of decision.plan) {
      if (write.kind !== "add-comment" && write.kind !== "update-comment") continue;
      counts.longest = Math.max(counts.longest, write.body.length);
      // The last-resort cut must never be needed: every message is built to fit.
      expect(write.body.endsWith(SHORTENED_NOTE), write.body.slice(0, 200)).toBe(false);
      const markers = readMarkers(write.body);
      expect(markers.length, write.body.slice(0, 200)).toBe(1);
      expect(write.body.split("\n")[0]).toMatch(/^<!-- incident-app:/);
      for (const handle of notifiedMentions(write.body)) {
        counts.mentionsChecked += 1;
        expect(allowed.has(handle), `@${handle} in ${write.body.slice(0, 300)}`).toBe(true);
      }
    }
    applyInMemory(history, decision.plan, now);
    decision = decideIncident({ ...input, history });
  }
  return decision;
}

interface Counts {
  histories: number;
  bodies: number;
  rounds: number;
  writes: number;
  errorsAnswered: number;
  mentionsChecked: number;
  longest: number;
}

const newCounts = (): Counts => ({
  histories: 0,
  bodies: 0,
  rounds: 0,
  writes: 0,
  errorsAnswered: 0,
  mentionsChecked: 0,
  longest: 0,
});

it("10,000 hostile comment bodies through decide → apply → decide", () => {
  const counts = {
    histories: 0,
    bodies: 0,
    rounds: 0,
    writes: 0,
    errorsAnswered: 0,
    mentionsChecked: 0,
    longest: 0,
  };
  fc.assert(
    fc.property(scenario, (s) => {
      const history = build(s);
      counts.histories += 1;
      counts.bodies += s.comments.length;
      const decision = converge(history, s.config, counts);
      const replies = appArtifacts(history, BOT).replies;
      for (const ack of decision.state.acknowledgements) {
        if (ack.kind === "accepted") {
          expect(ack.comment.appReactions).toContain("EYES");
          continue;
        }
        counts.errorsAnswered += 1;
        expect(ack.comment.appReactions).toContain("CONFUSED");
        const key =
          ack.kind === "outsider"
            ? `outsider:${ack.comment.author?.login}`
            : `${ack.comment.databaseId}:problems:`;
        expect(
          [...replies].some((reply) => reply.startsWith(key)),
          key,
        ).toBe(true);
      }
    }),
    {
      numRuns: HISTORIES,
      seed: 7_2026,
      reporter: (details) => {
        if (details.failed) {
          const [c] = details.counterexample ?? [];
          console.log(
            JSON.stringify(
              {
                declared: c?.declared,
                title: c?.title.slice(0, 50),
                comments: c?.comments.map((x) => [x.author.login, x.body.slice(0, 300), x.minute]),
              },
              null,
              1,
            ),
          );
          throw new Error(String(details.errorInstance));
        }
      },
    },
  );
  summary("hostile input, pure pipeline", {
    histories: counts.histories,
    bodies: counts.bodies,
    decide_rounds: counts.rounds,
    writes: counts.writes,
    errors_answered: counts.errorsAnswered,
    mentions_checked: counts.mentionsChecked,
    longest_body: counts.longest,
  });
  expect(counts.bodies).toBeGreaterThanOrEqual(10_000);
});

/** Long incidents: hundreds of notes, updates and people, then resolved. Everything must fit. */
const longIncident = fc.array(
  fc.array(
    fc.oneof(
      fc.integer({ min: 1, max: 5_000 }).map((n) => `/role sme @responder-${n}`),
      fc.string({ minLength: 150, maxLength: 400 }).map((text) => `/note ${text.replace(/\s+/g, " ")}`),
      fc.string({ minLength: 150, maxLength: 400 }).map((text) => `/update ${text.replace(/\s+/g, " ")}`),
    ),
    { minLength: 20, maxLength: 20 },
  ),
  { minLength: 40, maxLength: 100 },
);

it("long incidents (up to 2,000 commands) stay within GitHub's limits", () => {
  const counts = newCounts();
  fc.assert(
    fc.property(longIncident, (comments) => {
      const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
      comments.forEach((lines, i) => {
        const at = new Date(Date.parse("2026-02-03T14:24:00Z") + i * 10_000).toISOString();
        builder.comment(lines.join("\n"), at, { login: "bob", kind: "User" });
      });
      builder.comment("/resolve done", "2026-02-03T14:59:00Z", { login: "bob", kind: "User" });
      counts.histories += 1;
      counts.bodies += comments.length + 1;
      converge(builder.history, CONFIGS[0] as Config, counts);
    }),
    { numRuns: 4, seed: 2026 },
  );
  summary("hostile input, long incidents", {
    histories: counts.histories,
    bodies: counts.bodies,
    writes: counts.writes,
    longest_body: counts.longest,
  });
});
