import type { Actor, FreezeCheckFact } from "../../kernel/history.js";
import { idFromTitle } from "../../kernel/incident-id.js";
import { isApp, readMarkers } from "../../kernel/markers.js";
import type { Write } from "../../kernel/plan.js";
import { linkComment } from "./code-words.js";
import { checkWrite } from "./decide-freeze.js";
import type { Freezer } from "./freeze-check.js";
import type { PullLinks } from "./pull-links.js";

/**
 * A pull request event: the freeze check its head commit should carry, a link
 * comment for incidents it names only by id (a `#12` mention is linked by GitHub
 * itself), and the incidents whose timelines it changes.
 */
export interface PullRequestFacts {
  repoUrl: string;
  defaultBranch: string;
  freezing: Array<{ number: number; title: string; url: string }>;
  /** Organisation mode: incidents of the incidents repository that freeze this one. */
  freezingElsewhere?: Freezer[];
  incidents: Array<{ number: number; title: string; url: string; state: string }>;
  pull: {
    number: number;
    state: string;
    headRefName: string;
    baseRefName: string;
    headSha: string;
    freezeChecks: FreezeCheckFact[];
    comments: Array<{ author: Actor | null; body: string }>;
  } | null;
}

export interface PullRequestDecision {
  plan: Write[];
  /** Incidents to reconcile, with their titles as read. */
  incidents: Array<{ number: number; title: string }>;
}

export function decidePullRequest(
  facts: PullRequestFacts,
  links: PullLinks,
  botLogin: string,
): PullRequestDecision {
  const plan: Write[] = [];
  const byId = new Map(
    facts.incidents.flatMap((i) => {
      const id = idFromTitle(i.title);
      return id ? [[id, i] as const] : [];
    }),
  );
  const linked = new Map<number, (typeof facts.incidents)[number]>();
  for (const id of links.ids) {
    const incident = byId.get(id);
    if (incident) linked.set(incident.number, incident);
  }
  for (const number of links.numbers) {
    const incident = facts.incidents.find((i) => i.number === number);
    if (incident) linked.set(number, incident);
  }
  const { pull } = facts;
  if (pull) {
    const commented = new Set(
      pull.comments
        .filter((comment) => isApp(comment.author, botLogin))
        .flatMap((comment) => readMarkers(comment.body))
        .filter((m) => m.kind === "link")
        .map((m) => Number(m.fields.issue)),
    );
    for (const id of links.textIds) {
      const incident = byId.get(id);
      if (!incident || links.numbers.includes(incident.number) || commented.has(incident.number)) continue;
      plan.push({
        kind: "comment-on-pull",
        pr: pull.number,
        body: linkComment({ id, number: incident.number, url: incident.url }),
      });
    }
    if (pull.state === "OPEN" && pull.baseRefName === facts.defaultBranch) {
      const frozenBy = [
        ...facts.freezing.map((i) => ({ name: idFromTitle(i.title) ?? `#${i.number}`, url: i.url })),
        ...(facts.freezingElsewhere ?? []),
      ];
      const write = checkWrite(
        pull,
        frozenBy,
        botLogin.replace(/\[bot\]$/, ""),
        facts.defaultBranch,
        facts.repoUrl,
        true,
      );
      if (write) plan.push(write);
    }
  }
  return { plan, incidents: [...linked.values()].map(({ number, title }) => ({ number, title })) };
}
