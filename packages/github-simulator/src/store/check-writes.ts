import type { CheckConclusion, CheckRun, CheckStatus, CheckSuite } from "./code-model.js";
import { installationRepo } from "./installation-access.js";
import type { Repo } from "./model.js";
import { notFound, SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

/**
 * Check runs: only a GitHub App (its installation token) creates them, each in the
 * app's check suite for the commit; only the app that created a run updates it.
 */
export interface CheckInput {
  name?: string;
  headSha?: string;
  status?: CheckStatus;
  conclusion?: CheckConclusion;
  title?: string | null;
  summary?: string | null;
  text?: string | null;
  detailsUrl?: string | null;
  externalId?: string | null;
  startedAt?: string;
  completedAt?: string;
}

function suiteFor(store: SimStore, repo: Repo, headSha: string, app: string): CheckSuite {
  const found = repo.checkSuites.find((suite) => suite.headSha === headSha && suite.app === app);
  if (found) return found;
  const id = store.nextId();
  const head = Object.entries(repo.git.refs).find(([, sha]) => sha === headSha)?.[0] ?? null;
  const suite: CheckSuite = {
    id,
    nodeId: `CS_${id}`,
    headSha,
    headBranch: head?.replace(/^refs\/heads\//, "") ?? null,
    app,
    createdAt: store.now(),
  };
  repo.checkSuites.push(suite);
  return suite;
}

function settle(run: CheckRun, input: CheckInput, now: string): void {
  if (input.status) run.status = input.status;
  if (input.conclusion) {
    run.conclusion = input.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed") run.completedAt = input.completedAt ?? run.completedAt ?? now;
  if (run.status === "completed" && !run.conclusion) {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      { resource: "CheckRun", code: "missing_field", field: "conclusion" },
    ]);
  }
}

export function createCheckRun(store: SimStore, actor: string, repo: Repo, input: CheckInput): CheckRun {
  installationRepo(store, actor, repo);
  const headSha = input.headSha ?? "";
  if (!repo.git.commits[headSha]) {
    throw new SimError("UNPROCESSABLE", `No commit found for SHA: ${headSha}`);
  }
  const now = store.now();
  const id = store.nextId();
  const suite = suiteFor(store, repo, headSha, actor);
  const run: CheckRun = {
    id,
    nodeId: `CR_${id}`,
    suiteId: suite.id,
    headSha,
    name: input.name ?? "",
    status: "queued",
    conclusion: null,
    title: input.title ?? null,
    summary: input.summary ?? null,
    text: input.text ?? null,
    detailsUrl: input.detailsUrl ?? null,
    externalId: input.externalId ?? null,
    startedAt: input.startedAt ?? now,
    completedAt: null,
    app: actor,
  };
  settle(run, input, now);
  repo.checkRuns.push(run);
  return run;
}

export function updateCheckRun(
  store: SimStore,
  actor: string,
  repo: Repo,
  id: number,
  input: CheckInput,
): CheckRun {
  installationRepo(store, actor, repo);
  const run = repo.checkRuns.find((r) => r.id === id);
  if (!run) throw notFound();
  if (run.app !== actor)
    throw new SimError(
      "FORBIDDEN",
      "Invalid app_id `1` - check run can only be modified by the GitHub App that created it.",
    );
  if (input.name !== undefined) run.name = input.name;
  if (input.title !== undefined) run.title = input.title;
  if (input.summary !== undefined) run.summary = input.summary;
  if (input.text !== undefined) run.text = input.text;
  if (input.detailsUrl !== undefined) run.detailsUrl = input.detailsUrl;
  if (input.externalId !== undefined) run.externalId = input.externalId;
  settle(run, input, store.now());
  return run;
}
