import type { Simulator } from "@incident-app/github-simulator";

/**
 * The organisation-mode incident in `demo-output/transcript.md`: each step of the third
 * incident with what the app answered on the incident (its new replies and timeline rows)
 * and what it cost in GitHub requests, so the cross-repository steps are read in the main
 * transcript; the full issues stay in `demo-output/organisation/`.
 */
export interface OrganisationStep {
  time: string;
  who: string;
  what: string;
  requests: number;
  /** The app's new replies (first line) and the timeline's new rows, on the incident. */
  outcome: string[];
}

export interface IncidentView {
  replies: Map<number, string>;
  rows: string[];
}

const EMPTY: IncidentView = { replies: new Map(), rows: [] };

/** The app's replies and the timeline's rows on an incident, as a person reads them. */
export async function incidentView(
  sim: Simulator,
  where: { owner: string; repo: string },
  number: number,
): Promise<IncidentView> {
  if (!number) return EMPTY;
  const { data } = await sim
    .as("alice")
    .rest.issues.listComments({ ...where, issue_number: number, per_page: 100 });
  const mine = data.filter((comment) => comment.user?.login === sim.botLogin);
  const timeline = mine.find((comment) => comment.body?.includes("incident-app:timeline"))?.body ?? "";
  const replies = new Map<number, string>();
  for (const comment of mine) {
    const body = comment.body ?? "";
    // The declaration is long: its suspects are what it says of the code.
    const suspects =
      /<!-- incident-app:suspects -->([\s\S]*?)<!-- incident-app:suspects/.exec(body)?.[1] ?? "";
    const listed = suspects.split("\n").filter((line) => line.startsWith("- "));
    if (listed.length) replies.set(comment.id, `suspects: ${listed.map((line) => line.slice(2)).join("; ")}`);
    if (/incident-app:(timeline|checklist|declaration)/.test(body)) continue;
    const line = body.split("\n").find((text) => text.trim() && !text.trim().startsWith("<!--"));
    if (line) replies.set(comment.id, line.trim());
  }
  const rows = timeline.split("\n").filter((line) => /^\| \d\d:\d\d \|/.test(line));
  return { replies, rows };
}

/** What appeared between two views: new replies, then new timeline rows. */
export function outcomeOf(before: IncidentView, after: IncidentView): string[] {
  const replies = [...after.replies].filter(([id]) => !before.replies.has(id)).map(([, line]) => line);
  const seen = new Set(before.rows);
  const rows = after.rows
    .filter((row) => !seen.has(row))
    .map((row) => `timeline: ${row.split(" | ")[1]?.replace(/ \[↗\]\([^)]*\)/, "") ?? row}`);
  return [...replies, ...rows];
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function organisationSection(input: {
  id: string;
  steps: readonly OrganisationStep[];
  freeze: { search: string; api: string; lifted: string };
  security: string | null;
}): string {
  const total = input.steps.reduce((sum, step) => sum + step.requests, 0);
  const rows = input.steps.map(
    (step) =>
      `| ${step.time} | ${cell(step.who)} | ${cell(step.what)} | ${step.outcome.length ? step.outcome.map(cell).join("<br>") : "—"} | ${step.requests} |`,
  );
  return `
---

# Organisation mode: ${input.id} in the private acme/incidents

The third incident of the demo (DESIGN §13). acme keeps its incidents in the private
\`acme/incidents\`; the code of its services lives elsewhere: \`search\` in
\`acme/search-service\` and \`api\` in \`acme/api\` (not affected by this incident). The
incident is declared in \`acme/incidents\`; its suspect, the revert, the \`/rollback\`, the
hotfix branch and the merge freeze all happen in \`acme/search-service\`, from commands typed
on the incident. A security incident filed in the public \`acme/search-service\` moves to the
private \`acme/security-incidents\` before the app writes anything.

The full issues: [organisation/incident.md](organisation/incident.md),
[organisation/security-incident.md](organisation/security-incident.md), the review the app
opened in \`acme/incidents\`: [organisation/review.md](organisation/review.md), requests per
step: [organisation/requests.md](organisation/requests.md).

Merge freeze (\`incident-freeze\` check): erin's pull request in \`acme/search-service\`
**${input.freeze.search}** while frozen, frank's in \`acme/api\` **${input.freeze.api}** (no affected
service lives there), erin's **${input.freeze.lifted}** after \`/resolve\`.

| time (UTC) | who | step | what the app answered on the incident | GitHub requests |
|---|---|---|---|---|
${rows.join("\n")}

${input.steps.length} steps, ${total} GitHub requests by the app.${
    input.security
      ? `\n\nThe security incident: ${input.security}`
      : "\n\n⚠️ The security incident did not move (see the demo's checks)."
  }
`;
}

/** The section tells every cross-repository step, with its answer (the demo's own check). */
export function checkOrganisationSection(section: string): string[] {
  const wanted: Array<[RegExp, string]> = [
    [
      /files the incident form in acme\/incidents[^\n]*PR \[acme\/search-service#\d+\]/,
      "the suspect in acme/search-service",
    ],
    [
      /\/revert acme\/search-service#\d+ \|[^\n]*Opened acme\/search-service#\d+ to revert/,
      "the revert opened there",
    ],
    [/\/rollback[^\n]*Rolling back `acme\/search-service`/, "the rollback"],
    [
      /\/hotfix acme\/search-service \|[^\n]*Created the hotfix branch `acme\/search-service:/,
      "the hotfix branch",
    ],
    [/Hotfix PR acme\/search-service#\d+ opened/, "the hotfix pull request"],
    [/Deployment of `acme\/search-service` to production succeeded/, "the deployment during the incident"],
    [/is reverted by acme\/search-service#\d+ \(merged\)/, "the revert already there"],
    [/already exists \(at `[0-9a-f]{7}`\)/, "the hotfix branch already there"],
    [/\/freeze on \|[^\n]*Merge freeze \*\*on\*\*/, "the freeze"],
    [/frank's in `acme\/api` \*\*(none|success)\*\*/, "acme/api left unfrozen"],
    [/erin's pull request in `acme\/search-service`\s+\*\*failure\*\*/, "acme/search-service frozen"],
    [/moved by the app to `acme\/security-incidents#\d+` \(private\)/, "the security incident moved"],
  ];
  return wanted.flatMap(([pattern, what]) =>
    pattern.test(section) ? [] : [`transcript.md: the organisation-mode section does not show ${what}`],
  );
}
