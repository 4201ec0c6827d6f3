import { botOctokit } from "@incident-app/github-simulator";
import fc from "fast-check";
import { expect, it } from "vitest";
import { CONFIG_YAML, OWNER, PEOPLE, REPO } from "../../scripts/demo/scenario.js";
import { parseConfigText } from "../../src/config/parse-config-text.js";
import { decideIncident } from "../../src/features/incident/decide-incident.js";
import { asOctokit } from "../../src/github/client.js";
import { historyVariables, readHistory } from "../../src/github/read-history.js";
import type { IssueHistory } from "../../src/kernel/history.js";
import { isApp } from "../../src/kernel/markers.js";
import { readFormTemplate } from "../../src/pipelines/app-deps.js";
import { allowedMentions, checkAnswered, checkAppBody, newCheckCounts } from "./support/app-write-checks.js";
import { fileDemoIncident, installOnDemoRepo } from "./support/demo-incident.js";
import { hostileBody } from "./support/hostile-input.js";
import { startReliabilityHarness } from "./support/reliability-harness.js";
import { summary } from "./support/summary.js";

/**
 * A few hundred of the same hostile bodies through the whole stack: signed webhooks,
 * the real app server, GraphQL and REST against the simulator (which refuses what
 * GitHub refuses). The bulk (10,000) runs through the pure pipeline next door.
 */
const BODIES = 300;

it(`${BODIES} hostile comments through the simulator and the real app`, async () => {
  const harness = await startReliabilityHarness();
  const { sim, clock } = harness;
  try {
    await installOnDemoRepo(harness);
    const number = await fileDemoIncident(harness);

    const bodies = fc.sample(hostileBody, { seed: 99, numRuns: BODIES });
    const authors = [PEOPLE.alice, PEOPLE.bob, PEOPLE.carol, PEOPLE.dave, PEOPLE.mallory];
    let refusedByGitHub = 0;
    for (const [i, body] of bodies.entries()) {
      clock.advance(30_000);
      await sim
        .as(authors[i % authors.length] ?? "alice")
        .rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body })
        .catch(() => {
          refusedByGitHub += 1; // empty bodies: GitHub refuses them too
        });
      await harness.settle();
    }

    // Expected refusals: no config file in the org's `.github`; an update naming someone who cannot be
    // assigned (`/ic @everyone`), which the app follows with the add-assignees endpoint; and the review
    // PR's reviewers when a role names someone who cannot review (`/ic @p1`; the PR says so in a note).
    const requests = sim.appRequests();
    const refusedAssignments = requests.filter((e) => e.status === 422 && e.operation === "issues/update");
    const failedRequests = requests.filter(
      (e, i) =>
        e.status >= 400 &&
        !(e.status === 404 && e.operation === "repos/get-content") &&
        !(e.status === 422 && e.operation === "pulls/request-reviewers") &&
        !(
          e.status === 422 &&
          e.operation === "issues/update" &&
          requests.slice(i + 1, i + 3).some((n) => n.operation === "issues/add-assignees")
        ),
    );
    const bot = asOctokit(await botOctokit(sim));
    const loadedConfig = parseConfigText(CONFIG_YAML, ".github/incident.yml");
    if (!loadedConfig.ok) throw new Error("demo config");
    const variables = historyVariables(loadedConfig.config, clock.now(), { withRecent: false, id: null });
    const history = (await readHistory(bot, { owner: OWNER, repo: REPO, number }, variables)) as IssueHistory;
    const loaded = parseConfigText(CONFIG_YAML, ".github/incident.yml");
    if (!loaded.ok) throw new Error("demo config");
    const decision = decideIncident({
      history,
      config: loaded.config,
      botLogin: sim.botLogin,
      formTemplate: readFormTemplate(),
      now: clock.now(),
      checkLabels: false,
    });
    const counts = newCheckCounts();
    const allowed = allowedMentions(history, decision.state, loaded.config);
    for (const item of history.items)
      if (item.type === "comment" && isApp(item.author, sim.botLogin))
        checkAppBody(item.body, allowed, counts);
    checkAnswered(history, decision.state, sim.botLogin, counts);

    summary("hostile input through the simulator", {
      comments: bodies.length - refusedByGitHub,
      refused_by_github: refusedByGitHub,
      deliveries: sim.deliveries.length,
      failed_deliveries: sim.deliveries.filter((d) => d.status !== 200).length,
      app_requests: sim.appRequests().length,
      refused_assignments: refusedAssignments.length,
      failed_app_requests: failedRequests.length,
      app_comments_checked: counts.bodies,
      errors_answered: counts.errorsAnswered,
      mentions_checked: counts.mentionsChecked,
      longest_app_body: counts.longest,
      left_to_do: decision.plan.length,
    });
    expect(sim.deliveries.filter((d) => d.status !== 200)).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(decision.plan).toEqual([]);
  } finally {
    await harness.close();
  }
}, 420_000); // 300 events on one incident whose history grows to 600+ items
