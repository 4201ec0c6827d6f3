import { isoSeconds, type SimClock } from "../clock.js";
import { AppendIndex } from "./append-index.js";
import type { Change, ChangeListener } from "./changes.js";
import { emptyGit } from "./git-objects.js";
import { seedDefaultBranch } from "./git-writes.js";
import type {
  Account,
  AccountType,
  Comment,
  Installation,
  Issue,
  Label,
  Permission,
  Repo,
  SimState,
  TimelineEvent,
} from "./model.js";
import type { ProjectV2, ProjectV2Item } from "./project-model.js";
import { notFound, SimError } from "./sim-error.js";

/** Every object `node(id:)` can resolve, with what it hangs from. */
export type NodeTarget =
  | { kind: "account"; account: Account }
  | { kind: "repo"; repo: Repo }
  | { kind: "issue"; repo: Repo; issue: Issue }
  | { kind: "comment"; repo: Repo; issue: Issue; comment: Comment }
  | { kind: "label"; repo: Repo; label: Label }
  | { kind: "event"; repo: Repo; issue: Issue; event: TimelineEvent }
  | { kind: "project"; project: ProjectV2 }
  | { kind: "project-item"; project: ProjectV2; item: ProjectV2Item };

/** The simulator's state, its indexes, and the change feed webhooks are built from. */
export class SimStore {
  readonly state: SimState = {
    accounts: {},
    orgs: {},
    repos: [],
    comments: [],
    installations: [],
    projects: [],
  };
  private lastId = 0;
  private readonly nodes = new Map<string, NodeTarget>();
  private readonly reposByName = new AppendIndex<Repo, string>((r) => `${r.owner}/${r.name}`.toLowerCase());
  private readonly reposById = new AppendIndex<Repo, number>((r) => r.id);
  private readonly commentsById = new AppendIndex<Comment, number>((c) => c.id);
  private readonly installationsById = new AppendIndex<Installation, number>((i) => i.id);
  /** The installation last found for a repository (checked on use: installations gain repositories). */
  private readonly installationOfRepo = new Map<number, Installation>();
  private readonly listeners: ChangeListener[] = [];
  private muted = false;

  constructor(
    readonly clock: SimClock,
    readonly botLogin: string,
  ) {}

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  now(): string {
    return isoSeconds(this.clock.now());
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  emit(change: Change): void {
    if (this.muted) return;
    for (const listener of this.listeners) listener(change);
  }

  /** Runs `write` without announcing its changes (no webhooks): for seeding large states fast. */
  quietly<T>(write: () => T): T {
    this.muted = true;
    try {
      return write();
    } finally {
      this.muted = false;
    }
  }

  register(nodeId: string, target: NodeTarget): void {
    this.nodes.set(nodeId, target);
  }

  unregister(nodeId: string): void {
    this.nodes.delete(nodeId);
  }

  resolveNode(nodeId: string): NodeTarget | null {
    return this.nodes.get(nodeId) ?? null;
  }

  // --- accounts -------------------------------------------------------------------

  ensureAccount(login: string, type: AccountType = "User", name: string | null = null): Account {
    const existing = this.state.accounts[login.toLowerCase()];
    if (existing) return existing;
    const id = this.nextId();
    const prefix = type === "Bot" ? "BOT" : type === "Organization" ? "O" : "U";
    const account: Account = {
      type,
      login,
      id,
      nodeId: `${prefix}_${type === "Bot" ? id : login}`,
      name,
      createdAt: this.now(),
    };
    this.state.accounts[login.toLowerCase()] = account;
    this.register(account.nodeId, { kind: "account", account });
    return account;
  }

  account(login: string): Account | null {
    return this.state.accounts[login.toLowerCase()] ?? null;
  }

  requireAccount(login: string): Account {
    const account = this.account(login);
    if (!account) throw notFound();
    return account;
  }

  createOrg(login: string, members: string[], owners: string[] = []): void {
    this.ensureAccount(login, "Organization");
    for (const member of [...members, ...owners]) this.ensureAccount(member);
    this.state.orgs[login.toLowerCase()] = { login, members: [...members], owners: [...owners] };
  }

  // --- repositories -------------------------------------------------------------

  createRepo(opts: {
    owner: string;
    name: string;
    defaultBranch?: string;
    private?: boolean;
    archived?: boolean;
    collaborators?: Record<string, Permission>;
    files?: Record<string, string>;
  }): Repo {
    if (this.findRepo(opts.owner, opts.name)) {
      throw new SimError("UNPROCESSABLE", `Repository ${opts.owner}/${opts.name} already exists`);
    }
    const owner = this.ensureAccount(opts.owner);
    for (const login of Object.keys(opts.collaborators ?? {})) this.ensureAccount(login);
    const id = this.nextId();
    const now = this.now();
    const repo: Repo = {
      id,
      nodeId: `R_${id}`,
      owner: owner.login,
      name: opts.name,
      defaultBranch: opts.defaultBranch ?? "main",
      private: opts.private ?? false,
      collaborators: { ...opts.collaborators },
      git: emptyGit(),
      labels: [],
      issues: [],
      nextNumber: 1,
      checkSuites: [],
      checkRuns: [],
      deployments: [],
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
    };
    seedDefaultBranch(this, repo, opts.files ?? {});
    // Archived after its files are seeded: from now on it is read-only.
    if (opts.archived) repo.archived = true;
    this.state.repos.push(repo);
    this.register(repo.nodeId, { kind: "repo", repo });
    return repo;
  }

  findRepo(owner: string, name: string): Repo | null {
    return this.reposByName.get(this.state.repos, `${owner}/${name}`.toLowerCase());
  }

  repoById(id: number): Repo {
    const repo = this.reposById.get(this.state.repos, id);
    if (!repo) throw notFound();
    return repo;
  }

  findIssue(repo: Repo, number: number): Issue | null {
    return repo.issues.find((i) => i.number === number) ?? null;
  }

  findComment(id: number): Comment | null {
    return this.commentsById.get(this.state.comments, id);
  }

  findLabel(repo: Repo, name: string): Label | null {
    const n = name.toLowerCase();
    return repo.labels.find((l) => l.name.toLowerCase() === n) ?? null;
  }

  labelById(repo: Repo, id: number): Label {
    const label = repo.labels.find((l) => l.id === id);
    if (!label) throw notFound();
    return label;
  }

  // --- installations --------------------------------------------------------------

  createInstallation(account: string, repoNames: string[]): Installation {
    const owner = this.requireAccount(account);
    const repoIds = repoNames.map((name) => {
      const repo = this.findRepo(owner.login, name);
      if (!repo) throw notFound(`No repository ${owner.login}/${name}`);
      return repo.id;
    });
    const id = this.nextId();
    const installation: Installation = {
      id,
      nodeId: `IN_${id}`,
      account: owner.login,
      repoIds,
      createdAt: this.now(),
    };
    this.state.installations.push(installation);
    return installation;
  }

  installationFor(repo: Repo): Installation | null {
    const known = this.installationOfRepo.get(repo.id);
    if (known?.repoIds.includes(repo.id) && this.installationById(known.id) === known) return known;
    const found = this.state.installations.find((i) => i.repoIds.includes(repo.id)) ?? null;
    if (found) this.installationOfRepo.set(repo.id, found);
    return found;
  }

  installationById(id: number): Installation | null {
    return this.installationsById.get(this.state.installations, id);
  }
}
