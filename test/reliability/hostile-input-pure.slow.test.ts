import fc from "fast-check";
import { expect, it } from "vitest";
import { type Config, ConfigSchema } from "../../src/config/schema.js";
import { decideIncident } from "../../src/features/incident/decide-incident.js";
import type { IssueHistory } from "../../src/kernel/history.js";
import { readFormTemplate } from "../../src/pipelines/app-deps.js";
import { applyInMemory } from "../support/apply-in-memory.js";
import { BOT, FORM_BODY, HistoryBuilder } from "../support/history-builder.js";
import {
  allowedMentions,
  type CheckCounts,
  checkAnswered,
  checkAppBody,
  newCheckCounts,
} from "./support/app-write-checks.js";
import { AUTHORS, hostileBody } from "./support/hostile-input.js";
import { summary } from "./support/summary.js";

/**
 * 10,000 hostile comment bodies (2,000 generated histories of 5 comments) through the
 * pure pipeline: decide, apply in memory with GitHub's limits, decide again until
 * nothing is left. No crash, every error answered, markers only where the app put
 * them, no mention of anyone nobody named, nothing over GitHub's size limits.
 */
const HOSTILE_CONFIGS: Config[] = [
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
  config: fc.constantFrom(...HOSTILE_CONFIGS),
  title: fc.oneof(
    fc.constant("Search returns no results"),
    fc.string({ minLength: 1, maxLength: 256, unit: "grapheme" }).filter((t) => t.trim() !== ""),
    fc.string({ minLength: 240, maxLength: 255 }).map((t) => `x${t}`),
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
  for (const c of [...s.comments].sort((a, b) => a.minute - b.minute)) {
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

interface Counts extends CheckCounts {
  histories: number;
  comments: number;
  rounds: number;
  writes: number;
}

const newCounts = (): Counts => ({ ...newCheckCounts(), histories: 0, comments: 0, rounds: 0, writes: 0 });

/** Decides and applies until nothing is left, checking every body the app would write. */
function converge(history: IssueHistory, config: Config, counts: Counts): ReturnType<typeof decideIncident> {
  const now = new Date("2026-02-03T15:00:00Z");
  const input = { config, botLogin: BOT, formTemplate, checkLabels: false, now };
  let decision = decideIncident({ ...input, history });
  // A refused review or branch is answered one command per round (each command could be a retry).
  const roundLimit = 5 + commandLines(history);
  for (let round = 1; decision.plan.length > 0; round++) {
    if (round > roundLimit) throw new Error(`no convergence: ${JSON.stringify(decision.plan).slice(0, 500)}`);
    counts.rounds += 1;
    counts.writes += decision.plan.length;
    const allowed = allowedMentions(history, decision.state, config);
    for (const write of decision.plan) {
      if (write.kind === "add-comment" || write.kind === "update-comment")
        checkAppBody(write.body, allowed, counts);
    }
    applyInMemory(history, decision.plan, now);
    decision = decideIncident({ ...input, history });
  }
  return decision;
}

function commandLines(history: IssueHistory): number {
  return history.items.reduce(
    (sum, item) =>
      sum +
      (item.type === "comment"
        ? item.body.split("\n").filter((line) => line.trim().startsWith("/")).length
        : 0),
    0,
  );
}

it("10,000 hostile comment bodies through decide → apply → decide", () => {
  const counts = newCounts();
  fc.assert(
    fc.property(scenario, (s) => {
      const history = build(s);
      counts.histories += 1;
      counts.comments += s.comments.length;
      const decision = converge(history, s.config, counts);
      checkAnswered(history, decision.state, BOT, counts);
    }),
    { numRuns: HISTORIES, seed: 7_2026 },
  );
  summary("hostile input, pure pipeline", {
    histories: counts.histories,
    bodies: counts.comments,
    decide_rounds: counts.rounds,
    writes: counts.writes,
    app_bodies_checked: counts.bodies,
    errors_answered: counts.errorsAnswered,
    mentions_checked: counts.mentionsChecked,
    longest_app_body: counts.longest,
  });
  expect(counts.comments).toBeGreaterThanOrEqual(10_000);
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
      counts.comments += comments.length + 1;
      const decision = converge(builder.history, HOSTILE_CONFIGS[0] as Config, counts);
      checkAnswered(builder.history, decision.state, BOT, counts);
    }),
    { numRuns: 4, seed: 2026 },
  );
  summary("hostile input, long incidents", {
    histories: counts.histories,
    bodies: counts.comments,
    writes: counts.writes,
    longest_app_body: counts.longest,
  });
});
