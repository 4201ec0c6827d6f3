import type { Simulator } from "@incident-app/github-simulator";
import type { Harness } from "../../test/support/harness.js";
import { readAsPerson, renderTranscript } from "../../test/support/transcript.js";
import { deploy, OWNER, REPO } from "./code-actions.js";
import { incidentView, type OrganisationStep, outcomeOf } from "./organisation-summary.js";
import { demoTime } from "./run-demo.js";
import { FORM, PEOPLE } from "./scenario.js";

/**
 * The demo's third incident, in organisation mode (§13): acme adds its private
 * incidents repository, `acme/api` and a private security repository to the app's
 * installation. The incident is declared in `acme/incidents`; the change that broke
 * search is in `acme/search-service`, where the revert and the hotfix branch are made
 * from commands typed on the incident. A security incident filed in the public
 * `acme/search-service` moves to `acme/security-incidents` before the app writes a word.
 */
export const INCIDENTS_REPO = "incidents";
export const API_REPO = "api";
export const SECURITY_REPO = "security-incidents";
const DAY = "02-17";

const INCIDENTS_CONFIG = `# acme/incidents: every service's incidents, whichever repository its code is in.
onCall:
  primary: [${PEOPLE.alice}]
  secondary: [${PEOPLE.dave}]
services:
  search:
    repository: ${OWNER}/${REPO}
    paths: ["src/search/**"]
  api:
    repository: ${OWNER}/${API_REPO}
security:
  repository: ${OWNER}/${SECURITY_REPO}
`;

/** The form, filled in for this day's incidents. */
const form = (severity: string, impact: string, started: string) =>
  FORM.body
    .replace("SEV-2", severity)
    .replace(/### What is broken \/ user impact\n\n[^\n]*/, `### What is broken / user impact\n\n${impact}`)
    .replace("2026-02-03 14:23", started);
const SECURITY_FORM = form("SEV-1", "Search logs hold users' session tokens.", "2026-02-17 10:30").replace(
  "- [ ] This is a security",
  "- [x] This is a security",
);

export interface OrganisationDemoResult {
  issue: number;
  transcript: string;
  /** The review file the app committed in acme/incidents. */
  review: string;
  security: string;
  /** The app's requests to GitHub for each step, for the closing numbers. */
  requests: Record<string, number>;
  /** Each step with what the app answered on the incident, for the main transcript. */
  steps: OrganisationStep[];
  /** The `incident-freeze` check's conclusions: erin's pull request frozen, frank's in acme/api, erin's lifted. */
  freeze: { search: string; api: string; lifted: string };
  /** Where the security incident went, in words; null when it did not move. */
  securityMove: string | null;
  problems: string[];
}

const code = { owner: OWNER, repo: REPO };

/** Opens a pull request changing `path` in `where` (merged unless told not to); its number. */
async function change(sim: Simulator, who: string, where: typeof code, branch: string, path: string) {
  const person = sim.as(who);
  const { data: main } = await person.rest.git.getRef({ ...where, ref: "heads/main" });
  await person.rest.git.createRef({ ...where, ref: `refs/heads/${branch}`, sha: main.object.sha });
  await person.rest.repos.createOrUpdateFileContents({
    ...where,
    path,
    branch,
    message: branch,
    content: Buffer.from(`// ${branch}\n`).toString("base64"),
  });
  const { data } = await person.rest.pulls.create({ ...where, head: branch, base: "main", title: branch });
  return data.number;
}

export async function playOrganisationDemo(
  harness: Harness,
  installation: number,
  log: (line: string) => void,
): Promise<OrganisationDemoResult> {
  const { sim, clock } = harness;
  const requests: Record<string, number> = {};
  const steps: OrganisationStep[] = [];
  const incidents = { owner: OWNER, repo: INCIDENTS_REPO };
  const step = async (time: string, who: string, what: string, run: () => Promise<unknown>) => {
    clock.set(demoTime(`${DAY} ${time}`));
    log(`${DAY} ${time} ${who} ${what}`);
    const before = sim.appRequests().length;
    // Read as a person (not the app's requests): what the step made the app say on the incident.
    const seen = await incidentView(sim, incidents, issue);
    await run();
    await harness.settle();
    const count = sim.appRequests().length - before;
    requests[`${time} ${what}`] = count;
    steps.push({
      time,
      who,
      what,
      requests: count,
      outcome: outcomeOf(seen, await incidentView(sim, incidents, issue)),
    });
  };
  const say =
    (who: string, body: string, where = incidents, number = issue) =>
    () =>
      sim.as(who).rest.issues.createComment({ ...where, issue_number: number, body });

  sim.createRepo({
    owner: OWNER,
    name: INCIDENTS_REPO,
    private: true,
    files: { ".github/incident.yml": INCIDENTS_CONFIG },
  });
  sim.createRepo({ owner: OWNER, name: API_REPO, files: { "README.md": "# api\n" } });
  sim.createRepo({
    owner: OWNER,
    name: SECURITY_REPO,
    private: true,
    files: { ".github/incident.yml": `onCall:\n  primary: [${PEOPLE.bob}]\n` },
  });
  let issue = 0;
  let broken = 0;
  await step("09:30", "admin", "adds acme/incidents, acme/api and acme/security-incidents to the app", () =>
    sim.addToInstallation(installation, [INCIDENTS_REPO, API_REPO, SECURITY_REPO]),
  );
  await step("09:31", "admin", "names the private security repository in acme/search-service's config", () =>
    addSecurityRepository(sim),
  );
  await step("09:35", "dave", "deploys acme/search-service's main as it is (deploy #129)", () =>
    deploy(sim, PEOPLE.dave, "Deploy #129"),
  );
  await step("09:40", "dave", "merges a facet cache in acme/search-service", async () => {
    broken = await change(sim, PEOPLE.dave, code, "facet-cache", "src/search/facets.ts");
    await sim.as(PEOPLE.bob).rest.pulls.merge({ ...code, pull_number: broken, merge_method: "squash" });
  });
  await step("09:45", "dave", "deploys acme/search-service (deploy #130)", () =>
    deploy(sim, PEOPLE.dave, "Deploy #130"),
  );
  await step("09:50", "erin", "opens a pull request in acme/search-service", () =>
    change(sim, PEOPLE.erin, code, "facet-labels", "src/search/labels.ts"),
  );
  await step("09:51", "frank", "opens an unrelated pull request in acme/api", () =>
    change(sim, "frank", { owner: OWNER, repo: API_REPO }, "client-bump", "src/client.ts"),
  );
  await step("10:02", "alice", "files the incident form in acme/incidents (SEV-2)", async () => {
    issue = sim.fileIssueForm(
      PEOPLE.alice,
      { owner: OWNER, name: INCIDENTS_REPO },
      {
        title: "Search facets empty after the facet cache deploy",
        body: form(
          "SEV-2",
          "Search results show no facets: people cannot filter by service or area.",
          "2026-02-17 09:55",
        ),
        labels: ["incident"],
      },
    );
  });
  await step("10:03", "bob", "/ack", say(PEOPLE.bob, "/ack"));
  await step("10:04", "bob", "/freeze on", say(PEOPLE.bob, "/freeze on"));
  const frozen = await freezeCheck(sim, code, "facet-labels");
  const apiDuringFreeze = await freezeCheck(sim, { owner: OWNER, repo: API_REPO }, "client-bump");
  log(
    `        incident-freeze on erin's pull request in acme/search-service: ${frozen}; frank's in acme/api: ${apiDuringFreeze}`,
  );
  await step("10:06", "dave", `/revert ${OWNER}/${REPO}#${broken}`, () =>
    say(
      PEOPLE.dave,
      `/status identified The facet cache returns empty facets\n/revert ${OWNER}/${REPO}#${broken}`,
    )(),
  );
  await step(
    "10:07",
    "bob",
    "/rollback (the only affected service: acme/search-service)",
    say(PEOPLE.bob, "/rollback"),
  );
  await step("10:07", "CD", "starts the rollback's deployment (in_progress)", () =>
    cdStatus(sim, "in_progress"),
  );
  await step("10:08", "dave", "merges the revert in acme/search-service", async () => {
    const { data } = await sim.as(PEOPLE.dave).rest.pulls.list({ ...code, state: "open", per_page: 100 });
    const revert = data.find((pull) => pull.head.ref.startsWith(`revert-${broken}-`));
    if (!revert) throw new Error("demo: the revert pull request was not opened in acme/search-service");
    await sim
      .as(PEOPLE.dave)
      .rest.pulls.merge({ ...code, pull_number: revert.number, merge_method: "squash" });
  });
  await step("10:09", "CD", "finishes the rollback's deployment (success)", () => cdStatus(sim, "success"));
  await step("10:10", "dave", "deploys the revert (deploy #131)", () =>
    deploy(sim, PEOPLE.dave, "Deploy #131"),
  );
  await step("10:12", "dave", `/hotfix ${OWNER}/${REPO}`, say(PEOPLE.dave, `/hotfix ${OWNER}/${REPO}`));
  await step("10:13", "dave", "opens the fix from the hotfix branch in acme/search-service", () =>
    hotfixPull(sim),
  );
  await step(
    "10:14",
    "erin",
    `/revert ${OWNER}/${REPO}#${broken} (again: it is reverted already)`,
    say(PEOPLE.erin, `/revert ${OWNER}/${REPO}#${broken}`),
  );
  await step(
    "10:14",
    "erin",
    `/hotfix ${OWNER}/${REPO} (again: the branch exists)`,
    say(PEOPLE.erin, `/hotfix ${OWNER}/${REPO}`),
  );
  await step("10:15", "dave", "/mitigated", say(PEOPLE.dave, "/mitigated Facets are back since deploy #131"));
  await step(
    "10:25",
    "bob",
    "/resolve",
    say(PEOPLE.bob, "/resolve Reverted the facet cache; the fix goes through the hotfix branch"),
  );
  const lifted = await freezeCheck(sim, code, "facet-labels");
  log(`        incident-freeze on erin's pull request after /resolve: ${lifted}`);
  let filed = 0;
  await step(
    "10:40",
    "erin",
    "files a security incident in the public acme/search-service (SEV-1, security)",
    async () => {
      filed = sim.fileIssueForm(
        PEOPLE.erin,
        { owner: OWNER, name: REPO },
        { title: "Session tokens in search logs", body: SECURITY_FORM, labels: ["incident"] },
      );
    },
  );
  const transcript = renderTranscript(await readAsPerson(sim.as(PEOPLE.alice), OWNER, INCIDENTS_REPO, issue));
  const { data: moved } = await sim.as(PEOPLE.alice).rest.issues.get({ ...code, issue_number: filed });
  const security = moved.html_url.includes(`/${SECURITY_REPO}/`)
    ? renderTranscript(await readAsPerson(sim.as(PEOPLE.alice), OWNER, SECURITY_REPO, moved.number))
    : "";
  const review = await reviewFile(sim);
  const securityMove = security
    ? `filed by erin as \`${OWNER}/${REPO}#${filed}\` (public), moved by the app to \`${OWNER}/${SECURITY_REPO}#${moved.number}\` (private) before it wrote anything; \`${OWNER}/${REPO}\` lists no issue about it, and no status-page entry, public chat message or public review was made.`
    : null;
  const problems = await checkOrganisationDemo(sim, { transcript, security, review, broken, filed });
  if (frozen !== "failure")
    problems.push(`organisation demo: erin's pull request in acme/search-service was not frozen (${frozen})`);
  if (apiDuringFreeze === "failure")
    problems.push(
      "organisation demo: frank's pull request in acme/api was frozen, though api is not affected",
    );
  if (lifted !== "success")
    problems.push(
      `organisation demo: the freeze on erin's pull request was not lifted on /resolve (${lifted})`,
    );
  const freeze = { search: frozen, api: apiDuringFreeze, lifted };
  return { issue, transcript, review, security, requests, steps, freeze, securityMove, problems };
}

/** dave pushes the fix to the incident's hotfix branch in acme/search-service and opens a pull request. */
async function hotfixPull(sim: Simulator) {
  const dave = sim.as(PEOPLE.dave);
  const branch = "hotfix/inc-20260217-001";
  await dave.rest.repos.createOrUpdateFileContents({
    ...code,
    path: "src/search/facet-cache-fix.ts",
    branch,
    message: "Fill the facet cache per query",
    content: Buffer.from("// the facet cache, keyed per query\n").toString("base64"),
  });
  await dave.rest.pulls.create({
    ...code,
    head: branch,
    base: "main",
    title: "Fill the facet cache per query",
  });
}

/** The CD acting on the app's newest deployment (a rollback): a status, as it would post it. */
async function cdStatus(sim: Simulator, state: "in_progress" | "success") {
  const cd = sim.as(PEOPLE.dave);
  const { data } = await cd.rest.repos.listDeployments({ ...code, environment: "production", per_page: 1 });
  const rollback = data[0];
  if (!rollback || rollback.creator?.login !== sim.botLogin)
    throw new Error("demo: the app created no rollback deployment in acme/search-service");
  await cd.rest.repos.createDeploymentStatus({ ...code, deployment_id: rollback.id, state });
}

/** The conclusion of the app's `incident-freeze` check on a branch's head, or "none". */
async function freezeCheck(sim: Simulator, where: typeof code, ref: string): Promise<string> {
  const { data } = await sim
    .as(PEOPLE.alice)
    .rest.checks.listForRef({ ...where, ref, check_name: "incident-freeze" });
  return data.check_runs[0]?.conclusion ?? "none";
}

/** acme puts its private security repository in acme/search-service's config, as a commit. */
async function addSecurityRepository(sim: Simulator) {
  const admin = sim.as(PEOPLE.bob);
  const path = ".github/incident.yml";
  const { data } = await admin.rest.repos.getContent({ ...code, path });
  const file = data as { content: string; sha: string };
  const text = Buffer.from(file.content, "base64").toString("utf8");
  await admin.rest.repos.createOrUpdateFileContents({
    ...code,
    path,
    sha: file.sha,
    message: "Security incidents move to the private acme/security-incidents",
    content: Buffer.from(`${text}security:\n  repository: ${OWNER}/${SECURITY_REPO}\n`).toString("base64"),
  });
}

/** The post-incident review as the app committed it on its branch in acme/incidents. */
async function reviewFile(sim: Simulator): Promise<string> {
  const { data } = await sim
    .as(PEOPLE.alice)
    .rest.repos.getContent({
      owner: OWNER,
      repo: INCIDENTS_REPO,
      path: "docs/incidents/INC-20260217-001.md",
      ref: "pir/inc-20260217-001",
    })
    .catch(() => ({ data: null }));
  const file = data as { content?: string } | null;
  return file?.content ? Buffer.from(file.content, "base64").toString("utf8") : "";
}

async function checkOrganisationDemo(
  sim: Simulator,
  seen: { transcript: string; security: string; review: string; broken: number; filed: number },
): Promise<string[]> {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(`organisation demo: ${what}`);
  };
  const { transcript } = seen;
  const service = `${OWNER}/${REPO}`;
  expect(/^# \[INC-20260217-001\] /m.test(transcript), "the incident in acme/incidents has no id");
  expect(
    new RegExp(`Opened ${service}#\\d+ to revert ${service}#${seen.broken}`).test(transcript),
    "the revert reply does not name the pull request in acme/search-service",
  );
  expect(
    new RegExp(`Revert PR ${service}#\\d+ \\(reverts ${service}#${seen.broken}\\) merged`).test(transcript),
    "the timeline does not show the revert merged in acme/search-service",
  );
  expect(
    transcript.includes(`Created the hotfix branch \`${service}:hotfix/inc-20260217-001\``),
    "the hotfix branch was not created in acme/search-service",
  );
  expect(
    seen.review.includes(`[${service}#${seen.broken}](https://github.com/${service}/pull/${seen.broken})`),
    "the review does not link the reverted pull request in acme/search-service",
  );
  expect(
    /🔁 Rollback of `acme\/search-service` to `[0-9a-f]{7}`: \*?\*?success/i.test(transcript) ||
      /Rollback of `acme\/search-service`[^\n]*succe/i.test(transcript),
    "the rollback's success is not on the incident's timeline",
  );
  // The services' code on the incident's timeline and review, as a single repository's shows.
  for (const [text, what] of [
    ["Deployment of `acme/search-service` to production succeeded", "the deployment of the revert"],
    ["Hotfix branch `acme/search-service:hotfix/inc-20260217-001` created", "the hotfix branch"],
  ] as const) {
    expect(transcript.includes(text), `the timeline does not show ${what} in acme/search-service`);
    expect(seen.review.includes(text), `the review does not show ${what} in acme/search-service`);
  }
  expect(
    new RegExp(`Hotfix PR ${service}#\\d+ opened`).test(transcript),
    "the timeline does not show the hotfix pull request in acme/search-service",
  );
  expect(
    new RegExp(`${service}#${seen.broken} is reverted by ${service}#\\d+ \\(merged\\)`).test(transcript),
    "a second /revert across repositories did not name the revert already merged",
  );
  expect(
    transcript.includes(`The hotfix branch \`${service}:hotfix/inc-20260217-001\` already exists`),
    "a second /hotfix across repositories did not say the branch exists",
  );
  expect(
    new RegExp(`PR \\[${service}#${seen.broken}\\]`).test(transcript),
    "the suspects do not name the facet cache's pull request in acme/search-service",
  );
  const { data: branch } = await sim
    .as(PEOPLE.alice)
    .rest.git.getRef({ ...code, ref: "heads/hotfix/inc-20260217-001" })
    .catch(() => ({ data: null }));
  expect(branch !== null, "acme/search-service has no hotfix/inc-20260217-001 branch");
  // The security incident: gone from the public repository, declared in the private one.
  const { data: open } = await sim.as(PEOPLE.alice).rest.issues.listForRepo({ ...code, state: "all" });
  expect(
    !open.some((i) => i.title.includes("Session tokens")),
    "the security incident is still listed in the public acme/search-service",
  );
  expect(
    seen.security.includes("Moved here from the public repository"),
    "the security incident did not move",
  );
  return problems;
}
