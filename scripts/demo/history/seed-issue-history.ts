import { emptyCodeFacts } from "../../../src/kernel/code-history.js";
import type { Actor, HistoryItem, IssueHistory, RepoFacts } from "../../../src/kernel/history.js";
import { dayKey, formatId, withIdPrefix } from "../../../src/kernel/incident-id.js";
import type { SeedIncident } from "./seed-history.js";

/**
 * The generated incidents as issue histories, without a GitHub: what people did,
 * plus the app's part the projection relies on (its id in the title, closing on
 * `/resolve`, reopening on `/reopen`), so `project()` reads them as the app would.
 * For unit tests and for reports of the seed data; the demo replays the seed
 * through the simulator instead.
 */
export interface SeedRepo {
  nameWithOwner: string;
  botLogin: string;
}

const SECOND_MS = 1_000;

export function seedIssueHistories(seeds: readonly SeedIncident[], repo: SeedRepo): IssueHistory[] {
  const perDay = new Map<string, number>();
  return seeds.map((seed) => {
    const day = dayKey(seed.createdAt);
    const sequence = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, sequence);
    return seedIssueHistory(seed, repo, formatId(day, sequence));
  });
}

function repoFacts(repo: SeedRepo): RepoFacts {
  return {
    id: `R_${repo.nameWithOwner}`,
    nameWithOwner: repo.nameWithOwner,
    url: `https://github.com/${repo.nameWithOwner}`,
    defaultBranch: "main",
    labels: [],
    configOid: null,
    recentIncidents: null,
    private: false,
    templatesOid: null,
  };
}

export function seedIssueHistory(seed: SeedIncident, repo: SeedRepo, id: string): IssueHistory {
  const facts = repoFacts(repo);
  const url = `${facts.url}/issues/${seed.index}`;
  const bot: Actor = { login: repo.botLogin, kind: "Bot" };
  const person = (login: string): Actor => ({ login, kind: "User" });
  const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * SECOND_MS);
  const labels = new Set(seed.labels);
  let open = true;
  let closedAt: Date | null = null;
  const items: HistoryItem[] = seed.labels.map((label, n) => ({
    type: "labeled",
    id: `LE_${seed.index}_${n}`,
    at: seed.createdAt,
    actor: person(seed.author),
    label,
  }));
  items.push({
    type: "renamed",
    id: `RT_${seed.index}`,
    at: later(seed.createdAt, 2),
    actor: bot,
    from: seed.title,
    to: withIdPrefix(seed.title, id),
  });

  const close = (at: Date, actor: Actor, stateReason: "COMPLETED" | "NOT_PLANNED") => {
    items.push({ type: "closed", id: `CE_${seed.index}_${items.length}`, at, actor, stateReason });
    open = false;
    closedAt = at;
  };
  for (const step of seed.steps) {
    const n = items.length;
    if (step.kind === "comment") {
      const databaseId = seed.index * 1000 + n;
      items.push({
        type: "comment",
        id: `IC_${databaseId}`,
        databaseId,
        url: `${url}#issuecomment-${databaseId}`,
        body: step.body,
        at: step.at,
        editedAt: null,
        author: person(step.by),
        association: "MEMBER",
        appReactions: ["EYES"],
      });
      if (/^\/resolved?\b/.test(step.body) && open) close(later(step.at, 1), bot, "COMPLETED");
      if (/^\/reopen\b/.test(step.body) && !open) {
        items.push({ type: "reopened", id: `RE_${seed.index}_${n}`, at: later(step.at, 1), actor: bot });
        open = true;
        closedAt = null;
      }
    } else if (step.kind === "label") {
      labels.add(step.label);
      items.push({
        type: "labeled",
        id: `LE_${seed.index}_${n}`,
        at: step.at,
        actor: person(step.by),
        label: step.label,
      });
    } else if (step.kind === "close") close(step.at, person(step.by), step.reason);
    else {
      items.push({ type: "reopened", id: `RE_${seed.index}_${n}`, at: step.at, actor: person(step.by) });
      open = true;
      closedAt = null;
    }
  }
  labels.add(seed.finalSeverity);
  return {
    repo: facts,
    code: emptyCodeFacts(),
    issue: {
      id: `I_${seed.index}`,
      number: seed.index,
      title: withIdPrefix(seed.title, id),
      body: seed.body,
      url,
      state: open ? "OPEN" : "CLOSED",
      createdAt: seed.createdAt,
      closedAt,
      author: person(seed.author),
      association: "MEMBER",
      assignees: [],
      labels: [...labels],
    },
    items,
  };
}
