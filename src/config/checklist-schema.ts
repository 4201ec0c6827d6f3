import { z } from "zod";

/**
 * Phase checklists (DESIGN §16; seed plans 000, 002, 003, 004): per phase, the items
 * the plans tick off, each for every severity or only for the ones it names. They live
 * on the incident as a GitHub task list in one app comment; a repo replaces a phase's
 * list by setting it (lists replace, as everywhere in this file).
 */
export const CHECKLIST_PHASES = [
  "triage",
  "investigation",
  "verification",
  "resolution",
  "recovery",
  "postIncident",
] as const;

export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

/** Phase titles as people read them (the comment, the review); `added`: lines people wrote in. */
export const PHASE_TITLES: Record<ChecklistPhase | "added", string> = {
  triage: "Triage",
  investigation: "Investigation",
  verification: "Verification",
  resolution: "Resolution",
  recovery: "Recovery",
  postIncident: "Post-incident",
  added: "Added on the incident",
};

const item = z.union(
  [
    z.string().min(1).max(300),
    z.strictObject({
      text: z.string().min(1).max(300).describe("What to do, as the task list shows it."),
      severities: z
        .array(z.string().min(1))
        .min(1)
        .optional()
        .describe("Severities (names or aliases) it applies to; absent: every severity."),
    }),
  ],
  { error: "expected an item: a line of text, or `{ text: …, severities: [SEV-1] }`" },
);

export type ChecklistItemInput = z.output<typeof item>;

const TOP = ["SEV-1", "SEV-2"];

/** The plans' own checklists, shortened: 000 (phases 2–5), 001, 002 (resolution and recovery), 003 (triage, verify). */
export const DEFAULT_CHECKLISTS: Record<ChecklistPhase, ChecklistItemInput[]> = {
  triage: [
    "Confirm the alert is not a false positive",
    "Assess impact: who is affected, what is broken, when it started, whether it is getting worse",
    { text: "Assign an incident commander", severities: TOP },
    { text: "Open an incident channel and pull in the engineers needed", severities: TOP },
    "Post the initial status update",
  ],
  investigation: [
    "Review recent deployments (last 24 h)",
    "Check the observability dashboards and error rates",
    "Check logs and error events",
    "Check dependencies: database, external services, circuit breakers",
  ],
  verification: [
    "Run smoke tests on the affected functionality",
    "Verify metrics returned to baseline (error rate, latency)",
    "No new alerts triggered",
    { text: "Monitor for at least 15 minutes before declaring resolved", severities: TOP },
  ],
  resolution: [
    "Root cause identified and addressed",
    "User-facing symptoms eliminated",
    "Post the resolution message",
  ],
  recovery: [
    "Check for side effects of the fix",
    "Confirm all systems are operating normally",
    { text: "Update the status page to resolved", severities: TOP },
    "Thank the responders",
  ],
  postIncident: [
    { text: "Schedule the post-incident review", severities: [...TOP, "SEV-3"] },
    "File action items for what must not happen again",
  ],
};

const phase = (name: ChecklistPhase, description: string) =>
  z.array(item).default(DEFAULT_CHECKLISTS[name]).describe(description);

export const checklistsSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Post the checklist comment on declared incidents."),
    triage: phase("triage", "Acknowledgement and triage."),
    investigation: phase("investigation", "Finding the cause."),
    verification: phase("verification", "Checking that the fix works."),
    resolution: phase("resolution", "Declaring it resolved."),
    recovery: phase("recovery", "After resolution: back to normal."),
    postIncident: phase("postIncident", "The review and what follows it."),
  })
  .prefault({})
  .describe(
    "Phase checklists: a task list comment on each incident; ticking an item is recorded on the timeline, the review lists what was left unticked.",
  );
