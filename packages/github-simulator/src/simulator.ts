import { Octokit } from "@octokit/rest";
import { createRealClock, isoSeconds, type SimClock } from "./clock.js";
import { type DeliveryFaultOptions, DeliveryFaults } from "./faults/delivery-faults.js";
import { type RequestFaultOptions, RequestFaults } from "./faults/request-faults.js";
import { type RequestLogEntry, SimServer } from "./http/sim-server.js";
import { TokenRegistry, userToken } from "./http/tokens.js";
import { Latency, type LatencyModel } from "./latency/latency-model.js";
import { ALWAYS_SENT, APP_EVENTS, type SimContext } from "./sim-context.js";
import type { GitCommit } from "./store/code-model.js";
import { branchRef, defaultHead, treeFiles, writeCommit, writeFilesTree } from "./store/git-objects.js";
import { createIssue } from "./store/issue-writes.js";
import type { AccountType, Permission } from "./store/model.js";
import type { ProjectAccess } from "./store/project-model.js";
import { boardRows, createProject, type NewProject, setAppProjectAccess } from "./store/project-writes.js";
import { type SeedIssue, seedIssues } from "./store/seed-issues.js";
import { SimStore } from "./store/store.js";
import { type Delivery, type DeliveryMode, DeliveryQueue } from "./webhooks/delivery-queue.js";
import { webhookFor } from "./webhooks/payloads.js";

export interface SimulatorOptions {
  clock?: SimClock;
  appId?: number;
  appSlug?: string;
  webhookSecret?: string;
}

export interface RepoSeed {
  owner: string;
  name: string;
  defaultBranch?: string;
  private?: boolean;
  /** Archived: read-only, every write refused with 403 as GitHub does. */
  archived?: boolean;
  collaborators?: Record<string, Permission>;
  files?: Record<string, string>;
}

const APP_REQUEST_EXCLUDED = /^(\/api\/v3)?\/app(\/installations\/\d+\/access_tokens)?$/;

/** A GitHub stand-in on 127.0.0.1: stateful REST + GraphQL, signed webhooks to the app. */
export class Simulator {
  readonly clock: SimClock;
  readonly botLogin: string;
  url = "";
  private readonly ctx: SimContext;
  private readonly queue: DeliveryQueue;
  private readonly server: SimServer;

  constructor(opts: SimulatorOptions = {}) {
    this.clock = opts.clock ?? createRealClock();
    const appId = opts.appId ?? 1;
    const slug = opts.appSlug ?? "incident-bot";
    this.botLogin = `${slug}[bot]`;
    const store = new SimStore(this.clock, this.botLogin);
    store.ensureAccount(this.botLogin, "Bot");
    const ownerLogin = `${slug}-developer`;
    store.ensureAccount(ownerLogin, "User");
    this.ctx = {
      store,
      tokens: new TokenRegistry(),
      app: { id: appId, slug, name: slug, ownerLogin, createdAt: isoSeconds(this.clock.now()) },
      apiUrl: "",
      htmlUrl: "https://github.com",
    };
    this.queue = new DeliveryQueue({
      secret: opts.webhookSecret ?? "test-secret",
      hookId: 100_000 + appId,
      appId,
      clock: this.clock,
    });
    store.onChange((change) => {
      const message = webhookFor(this.ctx, change);
      // Like GitHub: only the events the app subscribed to (a `label` event is not among them).
      const subscribed =
        message && (APP_EVENTS.includes(message.event) || ALWAYS_SENT.includes(message.event));
      if (message && subscribed) this.queue.enqueue(message.event, message.action, message.payload);
    });
    this.server = new SimServer(this.ctx, this.queue);
  }

  async start(): Promise<this> {
    this.url = await this.server.listen();
    this.ctx.apiUrl = this.url;
    return this;
  }

  get deliveryMode(): DeliveryMode {
    return this.queue.mode;
  }

  set deliveryMode(mode: DeliveryMode) {
    this.queue.mode = mode;
  }

  get deliveries(): Delivery[] {
    return this.queue.deliveries;
  }

  get log(): RequestLogEntry[] {
    return this.server.log;
  }

  /** From now on, a seeded share of the app's API requests fails (see `faults/request-faults.ts`). */
  injectRequestFaults(options: RequestFaultOptions): RequestFaults {
    this.server.faults = new RequestFaults(options);
    return this.server.faults;
  }

  /** From now on, webhooks are duplicated, shuffled, delayed or dropped (see `faults/delivery-faults.ts`). */
  injectDeliveryFaults(options: DeliveryFaultOptions): DeliveryFaults {
    this.queue.faults = new DeliveryFaults(options);
    return this.queue.faults;
  }

  /** From now on, answers take as long as `model` says (null: at once, the default). */
  setLatency(model: LatencyModel | null): void {
    this.server.latency = model ? new Latency(model) : null;
  }

  clearFaults(): void {
    this.server.faults = null;
    this.queue.faults = null;
  }

  setWebhookTarget(url: string | null): void {
    this.queue.target = url;
  }

  createUser(login: string, opts: { type?: "User" | "Bot"; name?: string } = {}): void {
    const type: AccountType = opts.type ?? "User";
    this.ctx.store.ensureAccount(login, type, opts.name ?? null);
  }

  /** `owners` (beyond the brief) are org admins: OWNER association and admin on every repo. */
  createOrg(login: string, members: string[], owners: string[] = []): void {
    this.ctx.store.createOrg(login, members, owners);
  }

  createRepo(opts: RepoSeed): void {
    this.ctx.store.createRepo(opts);
  }

  /** Someone pushes a change to one file on the default branch (no webhook: the app does not listen to pushes). */
  commitFile(repo: { owner: string; name: string }, path: string, text: string): void {
    const target = this.ctx.store.findRepo(repo.owner, repo.name);
    if (!target) throw new Error(`simulator: no repo ${repo.owner}/${repo.name}`);
    const head = defaultHead(target);
    const parent = target.git.commits[head] as GitCommit;
    const files = { ...treeFiles(target.git, parent.tree), [path]: text };
    const commit = writeCommit(target.git, {
      tree: writeFilesTree(target.git, files),
      parents: [head],
      message: `Update ${path}`,
      author: target.owner,
      date: this.ctx.store.now(),
    });
    target.git.refs[branchRef(target.defaultBranch)] = commit.sha;
    target.pushedAt = this.ctx.store.now();
  }

  /** The owner archives (or unarchives) a repository: from then on GitHub refuses every write there (403). */
  archiveRepo(repo: { owner: string; name: string }, archived = true): void {
    const target = this.ctx.store.findRepo(repo.owner, repo.name);
    if (!target) throw new Error(`simulator: no repo ${repo.owner}/${repo.name}`);
    target.archived = archived;
  }

  /** Installs the app on `repos` of `owner` and sends `installation.created`; resolves when settled. */
  async installApp(owner: string, repos: string[]): Promise<number> {
    const { store } = this.ctx;
    const installation = store.createInstallation(owner, repos);
    const org = store.state.orgs[owner.toLowerCase()];
    const sender = org ? (org.owners[0] ?? org.members[0] ?? owner) : owner;
    store.emit({ type: "installation.created", installation, actor: store.requireAccount(sender).login });
    await this.settle();
    return installation.id;
  }

  /** The owner adds `repos` to an installation and GitHub sends `installation_repositories.added`. */
  async addToInstallation(installationId: number, repos: string[]): Promise<void> {
    const { store } = this.ctx;
    const installation = store.installationById(installationId);
    if (!installation) throw new Error(`simulator: no installation ${installationId}`);
    const added = repos.map((name) => {
      const repo = store.findRepo(installation.account, name);
      if (!repo) throw new Error(`simulator: no repo ${installation.account}/${name}`);
      return repo;
    });
    installation.repoIds.push(
      ...added.map((repo) => repo.id).filter((id) => !installation.repoIds.includes(id)),
    );
    const org = store.state.orgs[installation.account.toLowerCase()];
    const sender = org ? (org.owners[0] ?? org.members[0] ?? installation.account) : installation.account;
    store.emit({
      type: "installation_repositories.added",
      installation,
      added,
      actor: store.requireAccount(sender).login,
    });
    await this.settle();
  }

  /**
   * An Octokit acting as `login` (created as a User if unknown). Failed requests are
   * not logged to the console (they reject; tests assert on them).
   */
  as(login: string): Octokit {
    if (!this.ctx.store.account(login)) this.createUser(login);
    const quiet = () => {};
    return new Octokit({
      auth: userToken(login),
      baseUrl: this.url,
      log: { debug: quiet, info: quiet, warn: console.warn, error: quiet },
    });
  }

  /**
   * A person submits an issue form: like GitHub, the form's labels are applied even
   * when the person could not add labels themselves. Resolves with the issue number.
   */
  fileIssueForm(
    login: string,
    repo: { owner: string; name: string },
    form: { title: string; body: string; labels: string[] },
  ): number {
    const { store } = this.ctx;
    if (!store.account(login)) this.createUser(login);
    const target = store.findRepo(repo.owner, repo.name);
    if (!target) throw new Error(`simulator: no repo ${repo.owner}/${repo.name}`);
    return createIssue(store, store.requireAccount(login).login, target, { ...form, viaForm: true }).number;
  }

  /** Projects v2 (project-writes.ts): a board (returns its number), the app's permission, the board as seen. */
  createOrgProject(org: string, project: NewProject): number {
    return createProject(this.ctx.store, org, project).number;
  }
  setAppProjectAccess(org: string, access: ProjectAccess): void {
    setAppProjectAccess(this.ctx.store, org, access);
  }
  projectBoard(org: string, number: number) {
    return boardRows(this.ctx.store, org, number);
  }

  /** Issues with their histories written straight into the store, without webhooks; returns their numbers. */
  seedIssues(owner: string, name: string, issues: SeedIssue[]): number[] {
    return seedIssues(this.ctx.store, owner, name, issues);
  }

  settle(): Promise<void> {
    return this.queue.settle();
  }

  redeliver(id: string): Promise<void> {
    return this.queue.redeliver(id);
  }

  holdDeliveries(filter: (d: Delivery) => boolean): void {
    this.queue.hold(filter);
  }

  releaseHeld(): Promise<void> {
    return this.queue.releaseHeld();
  }

  appRequests(): RequestLogEntry[] {
    return this.log.filter((e) => e.auth === "installation" && !APP_REQUEST_EXCLUDED.test(e.path));
  }

  snapshot(): unknown {
    return JSON.parse(JSON.stringify(this.ctx.store.state)) as unknown;
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  return new Simulator(opts).start();
}
