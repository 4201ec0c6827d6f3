import { appendFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { GitData } from "@incident-app/github-simulator";
import { startHarness } from "../test/support/harness.js";
import { startPagerDutyReceiver } from "../test/support/receivers/pagerduty-receiver.js";
import { readAsPerson, renderTranscript } from "../test/support/transcript.js";
import { ALERT_ENV, ALERT_REPO, playAlertDemo, writePages } from "./demo/alert-demo.js";
import { checkDemo } from "./demo/check-demo.js";
import { committedFiles } from "./demo/committed-files.js";
import { writeReport } from "./demo/demo-report.js";
import { followUpSummary } from "./demo/follow-up-summary.js";
import { playOrganisationDemo } from "./demo/organisation-demo.js";
import { checkOrganisationSection, organisationSection } from "./demo/organisation-summary.js";
import { checkOutward, DEMO_TARGETS, startDemoReceiver, writeOutward } from "./demo/outward-output.js";
import { readActionItems } from "./demo/read-action-items.js";
import { renderReviewComments, reviewComments } from "./demo/review-comments.js";
import { playDemo } from "./demo/run-demo.js";
import { CONFIG_YAML, OWNER, PROJECT_NUMBER, REPO } from "./demo/scenario.js";
import { checkSlack, writeSlack } from "./demo/slack-output.js";
import { startDemoSlack, WAR_ROOM_YAML } from "./demo/war-room-demo.js";

/**
 * `npm run demo`: a full incident against the built-in GitHub simulator, with the
 * real app server receiving signed webhooks. Writes demo-output/ and exits non-zero
 * if any step or check fails. Needs no network and no credentials.
 */
const OUT = "demo-output";

async function main() {
  const started = Date.now();
  const receiver = await startDemoReceiver();
  const pagerDuty = await startPagerDutyReceiver();
  // The past incidents are history, not news: chat targets stay unset until the demo incident.
  let chatEnv: NodeJS.ProcessEnv = {};
  // The war room's Slack workspace runs on the harness's simulated clock.
  let now = () => Date.now();
  const slack = await startDemoSlack(() => now());
  const harness = await startHarness({
    chat: { env: () => chatEnv },
    warRoom: slack.warRoom,
    routes: slack.routes,
    env: ALERT_ENV,
  });
  now = () => harness.clock.now().getTime();
  slack.connect(harness.appUrl);
  try {
    const demo = await playDemo(harness, (line) => console.log(`  ${line}`), {
      history: true,
      config: `${CONFIG_YAML}${WAR_ROOM_YAML}`,
      afterHistory: () => {
        chatEnv = { ...process.env, ...ALERT_ENV };
      },
    });
    const { sim } = harness;
    const history = await readAsPerson(sim.as("alice"), OWNER, REPO, demo.issue);
    const items = await readActionItems(sim, history);
    const requests = sim.appRequests().map((entry) => ({
      delivery: entry.delivery ?? "sweep",
      event: entry.event,
      method: entry.method,
      path: entry.path,
      graphql: entry.graphql,
      body: entry.body,
      status: entry.status,
    }));
    await rm(OUT, { recursive: true, force: true });
    await mkdir(OUT, { recursive: true });
    await writeFile(
      join(OUT, "transcript.md"),
      `${renderTranscript(history)}\n${followUpSummary(items, sim.botLogin)}`,
    );
    await mkdir(join(OUT, "action-items"), { recursive: true });
    for (const item of items)
      await writeFile(join(OUT, "action-items", `${item.issue.number}.md`), renderTranscript(item));
    const review = reviewComments(sim);
    if (review) await writeFile(join(OUT, "review-pull-comments.md"), renderReviewComments(review));
    await writeFile(
      join(OUT, "board.json"),
      `${JSON.stringify(sim.projectBoard(OWNER, PROJECT_NUMBER), null, 2)}\n`,
    );
    await writeFile(join(OUT, "requests.jsonl"), `${requests.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const state = sim.snapshot() as { repos: Array<{ owner: string; name: string; git: GitData }> };
    await writeFile(join(OUT, "state.json"), `${JSON.stringify(state, null, 2)}\n`);
    const demoRepo = state.repos.find((r) => r.owner === OWNER && r.name === REPO);
    const files = demoRepo ? committedFiles(demoRepo.git, sim.botLogin) : new Map<string, string>();
    for (const [path, text] of files) {
      await mkdir(dirname(join(OUT, "files", path)), { recursive: true });
      await writeFile(join(OUT, "files", path), text);
    }
    const report = await writeReport(sim, join(OUT, "report"), harness.clock.now());
    const outward = await writeOutward(OUT, receiver, harness.publisher);
    const slackSummary = await writeSlack(OUT, slack.sim);
    const problems = [
      ...checkDemo({ history, items, sim, sweeps: demo.sweeps, files }),
      ...checkOutward(receiver, harness.publisher),
      ...checkSlack(slack.sim),
    ];
    // The second incident, from an alert, after the first one's checks (which count its requests).
    console.log("\n  The second incident: from an Alertmanager alert, paged through PagerDuty");
    const alerted = await playAlertDemo(harness, pagerDuty, (line) => console.log(`  ${line}`));
    await writeFile(join(OUT, "alert-incident.md"), alerted.transcript);
    await writePages(OUT, pagerDuty);
    problems.push(...alerted.problems);
    console.log("\n  The third incident: organisation mode (acme/incidents, code in acme/search-service)");
    const organisation = await playOrganisationDemo(harness, demo.installation, (line) =>
      console.log(`  ${line}`),
    );
    await mkdir(join(OUT, "organisation"), { recursive: true });
    await writeFile(join(OUT, "organisation", "incident.md"), organisation.transcript);
    await writeFile(join(OUT, "organisation", "security-incident.md"), organisation.security);
    await writeFile(join(OUT, "organisation", "review.md"), organisation.review);
    await writeFile(
      join(OUT, "organisation", "requests.md"),
      `# GitHub requests per step (organisation mode)\n\n| step | requests |\n|---|---|\n${Object.entries(
        organisation.requests,
      )
        .map(([step, count]) => `| ${step.replace(/\|/g, "\\|")} | ${count} |`)
        .join("\n")}\n`,
    );
    problems.push(...organisation.problems);
    // The main transcript tells the organisation-mode incident too, step by step.
    const section = organisationSection({
      id: "INC-20260217-001",
      steps: organisation.steps,
      freeze: organisation.freeze,
      security: organisation.securityMove,
    });
    await appendFile(join(OUT, "transcript.md"), section);
    problems.push(...checkOrganisationSection(section));
    console.log(`\n${history.issue.title}`);
    console.log(`labels: ${history.issue.labels.join(", ")} · ${history.issue.state.toLowerCase()}`);
    console.log(`${sim.deliveries.length} webhooks delivered, ${requests.length} API requests by the app`);
    console.log(
      `${receiver.requests().length} chat messages (${Object.keys(DEMO_TARGETS).join(", ")}), ${harness.publisher.commits.length} status-page commits; ${outward}`,
    );
    console.log(`war room: ${slackSummary} (demo-output/slack/)`);
    console.log(
      `${items.length} action items: ${items.map((item) => `#${item.issue.number} ${item.issue.state.toLowerCase()}`).join(", ")}`,
    );
    const posted = demo.sweeps.flatMap((sweep) => sweep.plan);
    console.log(`${demo.sweeps.length} sweeps posted ${posted.length} reminders and escalations`);
    console.log(
      `${files.size} files committed by the app, in ${OUT}/files/: ${[...files.keys()].join(", ")}`,
    );
    console.log(`report: ${report.files.length} files in ${OUT}/report/`);
    console.log(
      `${OWNER}/${ALERT_REPO}#${alerted.issue} from an alert: ${pagerDuty.events.length} PagerDuty events (${OUT}/pages/); GitHub requests per step: ${Object.entries(
        alerted.requests,
      )
        .map(([step, count]) => `${step} ${count}`)
        .join(", ")}`,
    );
    console.log(
      `wrote ${OUT}/transcript.md, alert-incident.md, pages/, organisation/, action-items/, review-pull-comments.md, board.json, requests.jsonl, state.json, files/, chat/, status/, slack/, report/ in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (problems.length) {
      console.error(`\nDemo checks failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
      process.exitCode = 1;
    }
  } finally {
    await harness.close();
    await receiver.close();
    await slack.close();
    await pagerDuty.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
