import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { CONFIG_EXPRESSION } from "../config/config-file-name.js";
import { decidePullRequest, type PullRequestFacts } from "../features/code-response/decide-pull-request.js";
import { hasLinks, pullLinks } from "../features/code-response/pull-links.js";
import { applyCodeWrite, explain } from "../github/apply-code-write.js";
import { asOctokit } from "../github/client.js";
import { actor, freezeChecks, type RawActor, type RawOpenPull } from "../github/code-facts.js";
import { PULL_REQUEST_CONTEXT_QUERY } from "../github/queries.js";
import { reconcileIncident } from "./reconcile-incident.js";
import { loadRepoConfig } from "./repo-config.js";

/**
 * Pull request events (§7): the merge freeze check on pull requests to the default
 * branch, and the timelines of the incidents a pull request belongs to. Events that
 * can matter to neither cost no request.
 */
type PullContext = Context<"pull_request">;

const FREEZE_ACTIONS = new Set(["opened", "reopened", "synchronize", "edited"]);

interface RawContext {
  repository: {
    defaultBranchRef: { name: string } | null;
    configFile: { oid?: string } | null;
    freezing: { nodes: PullRequestFacts["freezing"] };
    incidents: { nodes: PullRequestFacts["incidents"] };
    pullRequest:
      | (RawOpenPull & {
          state: string;
          comments: { nodes: Array<{ author: RawActor | null; body: string }> };
        })
      | null;
  };
}

export async function onPullRequest(context: PullContext, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const botLogin = await deps.botLogin();
  if (payload.sender?.login === botLogin) return;
  const pr = payload.pull_request;
  const links = pullLinks(
    {
      number: pr.number,
      title: pr.title,
      body: pr.body,
      headRef: pr.head.ref,
      author: pr.user?.login ?? null,
    },
    botLogin,
  );
  const freezes =
    FREEZE_ACTIONS.has(payload.action) &&
    pr.state === "open" &&
    pr.base.ref === payload.repository.default_branch;
  if (!hasLinks(links) && !freezes) return;

  const now = deps.clock();
  const loaded = await loadRepoConfig(context, undefined, now);
  if (!loaded.ok) return; // nothing to report on: the incident handlers say what is wrong
  const { owner, repo } = context.repo();
  const octokit = asOctokit(context.octokit);
  const data = await octokit.graphql<RawContext>(PULL_REQUEST_CONTEXT_QUERY, {
    owner,
    repo,
    number: pr.number,
    incidentLabel: loaded.config.labels.incident,
    freezeLabel: loaded.config.labels.freeze,
    configExpression: CONFIG_EXPRESSION,
  });
  const raw = data.repository;
  const pull = raw.pullRequest;
  // The read tells whether the config file changed since it was cached.
  const fresh = await loadRepoConfig(context, raw.configFile?.oid ?? null, now);
  if (!fresh.ok) return;
  const facts: PullRequestFacts = {
    repoUrl: payload.repository.html_url,
    defaultBranch: raw.defaultBranchRef?.name ?? payload.repository.default_branch,
    freezing: raw.freezing.nodes,
    incidents: raw.incidents.nodes,
    pull: pull && {
      number: pull.number,
      state: pull.state,
      headRefName: pull.headRefName,
      baseRefName: pull.baseRefName,
      headSha: pull.headRefOid,
      freezeChecks: freezeChecks(pull),
      comments: pull.comments.nodes.map((c) => ({ author: actor(c.author), body: c.body })),
    },
  };
  const decision = decidePullRequest(facts, links, botLogin);
  for (const write of decision.plan) {
    if (write.kind !== "set-check" && write.kind !== "comment-on-pull") continue;
    try {
      await applyCodeWrite(octokit, { owner, repo }, write);
    } catch (error) {
      context.log.warn(
        { pr: pr.number, write: write.kind, reason: explain(error) },
        "pull request write failed",
      );
    }
  }
  // New commits change the freeze check only; opening, editing, merging and closing change timelines.
  if (payload.action === "synchronize") return;
  for (const incident of decision.incidents) await reconcileIncident(context, deps, incident);
}
