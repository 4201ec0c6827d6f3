import type { Via } from "../incident-state.js";

/**
 * Every sentence the timeline table shows, in one place: the projection decides what
 * happened, these words say it. (The table's frame is `templates/timeline.md.hbs`.)
 */
const VIA_WORDS: Record<Via, string> = {
  form: "from the form",
  command: "",
  label: "label added by hand",
  issue: "",
  auto: "automatic escalation",
  alert: "from an alert",
  paging: "in the paging service",
};

const via = (how: Via) => (VIA_WORDS[how] ? ` (${VIA_WORDS[how]})` : "");

export const ROLE_TITLES = {
  ic: "Incident commander",
  lead: "Tech lead",
  comms: "Comms",
  scribe: "Scribe",
  sme: "SME",
};

export const timelineWords = {
  declared: (severity: string, security: boolean, status: string, how: Via) =>
    `Declared **${severity}**${security ? " (security incident)" : ""}, status **${status}**${via(how)}`,
  severity: (from: string | null, to: string, how: Via) => `Severity ${from} → **${to}**${via(how)}`,
  status: (from: string, to: string, mitigates: boolean, how: Via) =>
    `Status ${from} → **${to}**${mitigates ? ", mitigated" : ""}${via(how)}`,
  resolved: (how: Via) => `Resolved${how === "issue" ? " (issue closed)" : ""}`,
  reopened: (status: string, how: Via) =>
    `Reopened, status **${status}**${how === "issue" ? " (issue reopened)" : ""}`,
  acknowledged: "Acknowledged",
  alertTriage: "Held for triage: an alert below the declaring severity; someone allowed may `/declare` it",
  alertRepeats: (title: string, firings: number, last: string) =>
    `Alert **${title}** fired ${firings} times in all (last ${last})`,
  alertResolved: (title: string) => `Alert **${title}** resolved`,
  alertReopened: (title: string, after: string) => `Alert **${title}** fired again ${after} after resolution`,
  pagedBack: (what: string, who: string) => `${what} in the paging service by ${who}`,
  falsePositive: "Closed as a **false positive**: not an incident (left out of the metrics)",
  drill: (how: Via) =>
    `**Drill** (game day)${via(how)}: nothing is paged, published to the status page or sent to chat`,
  security: "Marked as a **security incident** (`/security`): nothing about it reaches a public surface",
  role: (title: string, handle: string) => `${title}: @${handle}`,
  note: "Note",
  impactStarted: "Impact started",
  detected: "Detected",
  update: "Status update posted",
  publicStatus: (state: string) => `Public status: **${state}**`,
  escalated: "Escalated",
  pagedAfter: (after: string, who: string) =>
    `Paged${who ? ` ${who}` : ""}: unacknowledged${after ? ` ${after}` : ""} after declaration (\`pageAfter\`)`,
  paged: (who: string) => `Paged ${who}`,
  pageInDrill: (who: string) => `Page for ${who} not sent: a drill`,
  escalatedAutomatically: (level: string | undefined, who: string) =>
    `Escalated automatically${level ? ` (level ${level})` : ""}${who ? ` to ${who}` : ""}`,
  freeze: (active: boolean, why: string) => `Merge freeze ${active ? "**on**" : "**lifted**"} (${why})`,
  freezeWhy: {
    byHand: "turned on by hand",
    severityFreezes: (severity: string | null) => `${severity} freezes merges`,
    resolved: "incident resolved",
    liftedByHand: "turned off by hand",
    severityDoesNot: (severity: string | null) => `${severity} does not freeze merges`,
  },
  /** `ref`: `#4`, or `owner/name#4` for a pull request in another repository. */
  pull: {
    hotfix: (ref: string) => `Hotfix PR ${ref}`,
    revert: (ref: string, reverts: string | null) =>
      reverts ? `Revert PR ${ref} (reverts ${reverts})` : `Revert PR ${ref}`,
    review: (ref: string) => `Post-incident review PR ${ref}`,
    linked: (ref: string) => `PR ${ref}`,
    opened: (name: string) => `${name} opened`,
    merged: (name: string) => `${name} merged`,
    closed: (name: string) => `${name} closed without merging`,
  },
  hotfixBranch: (branch: string, from: string) => `Hotfix branch \`${branch}\` created from ${from}`,
  hotfixFrom: {
    defaultBranch: (name: string | null) => `\`${name ?? "the default branch"}\``,
    defaultBranchOf: (repository: string) => `the default branch of \`${repository}\``,
    deployed: "the last successful deployment",
    ref: (ref: string) => `\`${ref}\``,
  },
  deployment: (environment: string, outcome: string, sha: string) =>
    `Deployment to ${environment} ${outcome} (\`${sha.slice(0, 7)}\`)`,
  /** A deployment of another repository's code (organisation mode, §13). */
  deploymentOf: (repository: string, environment: string, outcome: string, sha: string) =>
    `Deployment of \`${repository}\` to ${environment} ${outcome} (\`${sha.slice(0, 7)}\`)`,
  rollback: (repository: string, sha: string) => ({
    requested: (deployment: number) =>
      `🔁 Rollback of \`${repository}\` to \`${sha.slice(0, 7)}\` requested (deployment ${deployment})`,
    status: (state: string) =>
      `🔁 Rollback of \`${repository}\` to \`${sha.slice(0, 7)}\`: ${state.replace("_", " ")}`,
  }),
  deploymentOutcome: { SUCCESS: "succeeded", FAILURE: "failed", ERROR: "errored" } as Record<string, string>,
  actionItemClosedBy: (number: number, url: string, closer: string) =>
    `✅ Action item [#${number}](${url}) closed by ${closer}`,
  actionItem: (number: number, url: string, open: boolean, details: string) =>
    `Action item [#${number}](${url}) · ${open ? "**open**" : "**✅ done**"}${details ? ` · ${details}` : ""}`,
};
