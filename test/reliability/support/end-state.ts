import type { SimState } from "@incident-app/github-simulator";

/**
 * What a run leaves behind, as people would judge it: per repository its labels; per
 * issue its title, state, labels and assignees, and its comments as a multiset of
 * (author, body without volatile parts, reactions). Ids, times and hashes that
 * legitimately differ between runs are left out, so a faulty run and a fault-free
 * run of the same scenario can be compared entry by entry.
 *
 * Each section is a multiset of lines. Later capabilities add their own projectors
 * (branches, pull requests, check runs, board items, reminders) to `PROJECTORS`.
 */
export type EndState = Map<string, string[]>;

export type Projector = (state: SimState, add: (section: string, line: string) => void) => void;

/**
 * Parts of a body that differ between equally good runs: ids, hashes, now-relative
 * wording, and the timeline's checkpoint (node ids, cursors and times of the history it
 * caches: whether one is there is kept, its content is checked by history-checkpoint.test.ts).
 */
export function normaliseBody(body: string): string {
  return body
    .replace(/<!-- incident-checkpoint v\d+ [^>]*-->/g, "<!-- incident-checkpoint … -->")
    .replace(/<!--\s*incident-app:([a-z-]+)([^>]*)-->/g, (_all, kind: string, fields: string) => {
      const kept = [...fields.matchAll(/\b(\w+)=(\S*)/g)].map(([, key, value]) =>
        key === "id" ? ` id=${value}` : ` ${key}=…`,
      );
      return `<!-- incident-app:${kind}${kept.join("")} -->`;
    })
    .replace(/#issuecomment-\d+/g, "#issuecomment-…")
    .replace(/running, [^(|]+ left/g, "running, … left")
    .replace(/breached, [^(|]+ over/g, "breached, … over");
}

const issueKey = (issue: { author: string; title: string }) => `${issue.author}: ${issue.title}`;

const repoLabels: Projector = (state, add) => {
  for (const repo of state.repos) {
    for (const label of repo.labels)
      add(`labels of ${repo.owner}/${repo.name}`, `${label.name} #${label.color} ${label.description ?? ""}`);
  }
};

const issues: Projector = (state, add) => {
  for (const repo of state.repos) {
    for (const issue of repo.issues) {
      const key = `${repo.owner}/${repo.name} ${issueKey(issue)}`;
      const labels = issue.labelIds
        .map((id) => repo.labels.find((label) => label.id === id)?.name ?? `?${id}`)
        .sort();
      add(`issues of ${repo.owner}/${repo.name}`, issueKey(issue));
      add(key, `state: ${issue.state}${issue.stateReason ? ` (${issue.stateReason})` : ""}`);
      add(key, `labels: ${labels.join(", ")}`);
      add(key, `assignees: ${[...issue.assignees].sort().join(", ")}`);
      add(key, `reactions: ${reactions(issue.reactions)}`);
    }
  }
};

const comments: Projector = (state, add) => {
  for (const comment of state.comments) {
    const repo = state.repos.find((r) => r.id === comment.repoId);
    const issue = repo?.issues.find((i) => i.number === comment.issueNumber);
    if (!repo || !issue) continue;
    const section = `comments on ${repo.owner}/${repo.name} ${issueKey(issue)}`;
    add(
      section,
      `${comment.author}: ${normaliseBody(comment.body)}\n  reactions: ${reactions(comment.reactions)}`,
    );
  }
};

function reactions(list: ReadonlyArray<{ user: string; content: string }>): string {
  return list
    .map((reaction) => `${reaction.content} by ${reaction.user}`)
    .sort()
    .join(", ");
}

export const PROJECTORS: Projector[] = [repoLabels, issues, comments];

export function projectEndState(state: SimState): EndState {
  const sections: EndState = new Map();
  const add = (section: string, line: string) => {
    const lines = sections.get(section) ?? [];
    lines.push(line);
    sections.set(section, lines);
  };
  for (const projector of PROJECTORS) projector(state, add);
  for (const lines of sections.values()) lines.sort();
  return sections;
}

export interface EndStateDiff {
  /** Lines the run has more often than the reference: things done twice (or wrongly). */
  extra: string[];
  /** Lines the reference has more often than the run: things lost (or not done). */
  missing: string[];
}

export function compareEndStates(run: EndState, reference: EndState): EndStateDiff {
  const diff: EndStateDiff = { extra: [], missing: [] };
  for (const section of new Set([...run.keys(), ...reference.keys()])) {
    const counts = new Map<string, number>();
    for (const line of run.get(section) ?? []) counts.set(line, (counts.get(line) ?? 0) + 1);
    for (const line of reference.get(section) ?? []) counts.set(line, (counts.get(line) ?? 0) - 1);
    for (const [line, count] of counts) {
      for (let i = 0; i < count; i++) diff.extra.push(`${section} :: ${line}`);
      for (let i = 0; i < -count; i++) diff.missing.push(`${section} :: ${line}`);
    }
  }
  return diff;
}
