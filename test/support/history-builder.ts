import type { RepositoryElsewhere } from "../../src/kernel/code-history.js";
import {
  type Actor,
  type Association,
  emptyCodeFacts,
  type HistoryItem,
  type IssueHistory,
  type PullFact,
  type ReactionContent,
  referenceFromPull,
} from "../../src/kernel/history.js";

/**
 * Builds issue histories for unit tests: a person files, comments, labels; the
 * builder stamps times and ids like GitHub would, so tests read like a transcript.
 */
export const BOT = "incident-bot[bot]";
export const bot: Actor = { login: BOT, kind: "Bot" };
export const user = (login: string): Actor => ({ login, kind: "User" });

let sequence = 0;

export class HistoryBuilder {
  readonly history: IssueHistory;

  constructor(
    options: { title?: string; body?: string; at?: string; author?: string; association?: Association } = {},
  ) {
    sequence += 1;
    const createdAt = new Date(options.at ?? "2026-02-03T14:23:00Z");
    this.history = {
      repo: {
        id: "R_1",
        nameWithOwner: "acme/shop",
        url: "https://github.com/acme/shop",
        private: false,
        defaultBranch: "main",
        labels: [],
        configOid: null,
        templatesOid: null,
        recentIncidents: [],
      },
      issue: {
        id: `I_${sequence}`,
        number: 1,
        title: options.title ?? "Search returns no results",
        body: options.body ?? "",
        url: "https://github.com/acme/shop/issues/1",
        state: "OPEN",
        createdAt,
        closedAt: null,
        author: user(options.author ?? "alice"),
        association: options.association ?? "MEMBER",
        assignees: [],
        labels: [],
      },
      items: [],
      code: { ...emptyCodeFacts(), defaultBranchOid: "a".repeat(40), branches: { hotfix: null, pir: null } },
    };
  }

  private push(item: HistoryItem): this {
    this.history.items.push(item);
    return this;
  }

  label(name: string, at: string, by: Actor = user("alice")): this {
    if (!this.history.issue.labels.includes(name)) this.history.issue.labels.push(name);
    return this.push({
      type: "labeled",
      id: `LE_${this.history.items.length}`,
      at: new Date(at),
      actor: by,
      label: name,
    });
  }

  unlabel(name: string, at: string, by: Actor = user("alice")): this {
    this.history.issue.labels = this.history.issue.labels.filter((label) => label !== name);
    return this.push({
      type: "unlabeled",
      id: `UE_${this.history.items.length}`,
      at: new Date(at),
      actor: by,
      label: name,
    });
  }

  comment(
    body: string,
    at: string,
    by: Actor = user("alice"),
    options: { association?: Association; reactions?: ReactionContent[]; databaseId?: number } = {},
  ): this {
    const databaseId = options.databaseId ?? 1000 + this.history.items.length;
    return this.push({
      type: "comment",
      id: `IC_${databaseId}`,
      databaseId,
      url: `${this.history.issue.url}#issuecomment-${databaseId}`,
      body,
      at: new Date(at),
      editedAt: null,
      author: by,
      association: options.association ?? (by.kind === "Bot" ? "NONE" : "MEMBER"),
      appReactions: options.reactions ?? [],
    });
  }

  close(at: string, by: Actor = user("alice"), stateReason: "COMPLETED" | "NOT_PLANNED" = "COMPLETED"): this {
    this.history.issue.state = "CLOSED";
    return this.push({
      type: "closed",
      id: `CE_${this.history.items.length}`,
      at: new Date(at),
      actor: by,
      stateReason,
    });
  }

  reopen(at: string, by: Actor = user("alice")): this {
    this.history.issue.state = "OPEN";
    return this.push({
      type: "reopened",
      id: `RE_${this.history.items.length}`,
      at: new Date(at),
      actor: by,
    });
  }

  /** A pull request that mentions the issue (GitHub's cross-reference). */
  mentionedBy(pull: PullFact, at?: string): this {
    return this.push({
      type: "cross-referenced",
      id: `CRE_${this.history.items.length}`,
      at: at ? new Date(at) : pull.createdAt,
      actor: pull.author,
      source: referenceFromPull(pull),
      pull,
    });
  }

  rename(to: string, at: string, by: Actor = bot): this {
    const from = this.history.issue.title;
    this.history.issue.title = to;
    return this.push({
      type: "renamed",
      id: `RT_${this.history.items.length}`,
      at: new Date(at),
      actor: by,
      from,
      to,
    });
  }
}

export const FORM_BODY = `### Severity

SEV-2

### What is broken / user impact

Search returns no results for food bank queries.

### Affected services

search

### When it started

2026-02-03 14:23

### How it was detected

Automated alert

### Links

_No response_

### Security

- [ ] This is a security incident (data exposure, unauthorised access)
`;

/** The form as filed, with its severity, affected services or start changed. */
export function formBody(fields: { severity?: string; services?: string; started?: string } = {}): string {
  const { severity = "SEV-2", services = "search", started = "2026-02-03 14:23" } = fields;
  return FORM_BODY.replace("\nSEV-2\n", `\n${severity}\n`)
    .replace("\nsearch\n", `\n${services}\n`)
    .replace("\n2026-02-03 14:23\n", `\n${started}\n`);
}

/** A pull request fact for tests: open, by `author`, from `head` into main. */
export function pullFact(number: number, fields: Partial<PullFact> & { at?: string } = {}): PullFact {
  const createdAt = new Date(fields.at ?? "2026-02-03T14:00:00Z");
  return {
    number,
    title: `Change ${number}`,
    url: `https://github.com/acme/shop/pull/${number}`,
    state: "OPEN",
    isDraft: false,
    createdAt,
    mergedAt: null,
    closedAt: null,
    headRefName: `change-${number}`,
    baseRefName: "main",
    author: user("dave"),
    mergedBy: null,
    body: "",
    files: [],
    ...fields,
  };
}

/** Another repository as the read sees it: visible, on main, nothing read there unless told. */
export function elsewhereFact(
  nameWithOwner: string,
  fields: Partial<RepositoryElsewhere> = {},
): RepositoryElsewhere {
  return {
    nameWithOwner,
    url: `https://github.com/${nameWithOwner}`,
    defaultBranch: "main",
    visible: true,
    recentIncidents: null,
    suspects: null,
    openPulls: null,
    freezing: null,
    code: null,
    ...fields,
  };
}
