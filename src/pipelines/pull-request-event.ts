import type { Context } from "probot";
import { freezersOf } from "../features/code-response/decide-freeze-elsewhere.js";
import { decidePullRequest, type PullRequestFacts } from "../features/code-response/decide-pull-request.js";
import { hasLinks, pullLinks } from "../features/code-response/pull-links.js";
import { applyRepoPlan } from "../github/apply-plan.js";
import { asOctokit } from "../github/client.js";
import { readPullRequest } from "../github/read-pull-request.js";
import { isRepoWrite } from "../kernel/plan.js";
import type { AppDeps } from "./app-deps.js";
import { reconcileIncident } from "./reconcile-incident.js";
import { loadRepoConfig } from "./repo-config.js";

/**
 * Pull request events (§7): the merge freeze check on pull requests to the default
 * branch, and the timelines of the incidents a pull request belongs to. Events that
 * can matter to neither cost no request.
 */
type PullContext = Context<"pull_request">;

const FREEZE_ACTIONS = new Set(["opened", "reopened", "synchronize", "edited"]);

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
    payload.repository.full_name,
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
  const read = await readPullRequest(octokit, { owner, repo, number: pr.number }, loaded.config);
  // The read tells whether the config file changed since it was cached.
  const fresh = await loadRepoConfig(context, read.configOid, now);
  if (!fresh.ok) return;
  const home = read.incidentsFreezing;
  const facts: PullRequestFacts = {
    ...read.facts,
    ...(home
      ? {
          freezingElsewhere: freezersOf(
            fresh.config,
            home.home,
            home.issues,
            deps.formTemplate,
            `${owner}/${repo}`,
          ),
        }
      : {}),
    repoUrl: payload.repository.html_url,
    defaultBranch: read.facts.defaultBranch ?? payload.repository.default_branch,
  };
  const decision = decidePullRequest(facts, links, botLogin);
  await applyRepoPlan(octokit, { owner, repo }, decision.plan.filter(isRepoWrite), (write, reason) =>
    context.log.warn({ pr: pr.number, write: write.kind, reason }, "pull request write failed"),
  );
  // New commits change the freeze check only; opening, editing, merging and closing change timelines.
  if (payload.action === "synchronize") return;
  for (const incident of decision.incidents) await reconcileIncident(context, deps, incident);
  // Incidents kept in another repository (organisation mode) that the app's own pull request names
  // (its marker gives the id): their timelines show it now. A person's `acme/incidents#7` may name
  // any issue (an action item, say): GitHub's cross-reference shows it at the incident's next event.
  for (const { repository, number, id } of links.elsewhere) {
    if (id === null) continue;
    const [owner = "", name = ""] = repository.split("/");
    // A repository the installation cannot reach is a mention, not a failure of this event.
    await reconcileIncident(context, deps, {
      number,
      title: `[${id}]`,
      repository: { owner, repo: name },
    }).catch((error: unknown) =>
      context.log.warn(
        { pr: pr.number, incident: `${repository}#${number}`, err: error },
        "incident elsewhere not reconciled",
      ),
    );
  }
}
