import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORM } from "../../scripts/demo/scenario.js";
import { type Harness, startHarness } from "../support/harness.js";

/**
 * A repo's `.github/incident-templates/` on the simulator: an override replaces the
 * built-in template, a broken one is replaced by the built-in and reported once,
 * and the folder is read once for as long as its tree id does not change.
 */
const OWNER = "acme";
const REPO = "shop";
const DECLARATION = `{{marker}}
🔥 **ACME incident {{id}}** ({{severityName}})

Join the bridge: https://meet.example.com/acme-incidents · on call: {{onCall}}
`;

let harness: Harness;

beforeEach(async () => {
  harness = await startHarness();
  const { sim } = harness;
  sim.createOrg(OWNER, ["alice", "bob"]);
  sim.createRepo({
    owner: OWNER,
    name: REPO,
    files: {
      ".github/incident-templates/declaration.md.hbs": DECLARATION,
      ".github/incident-templates/update.md.hbs":
        "{{marker}}\nUpdate on {{id}}: {{text}} (next: {{nextUpdateAt}})\n",
      ".github/incident-templates/postmortem.md.hbs": "{{marker}}\n# Review\n",
      ".github/incident-templates/README.md": "Our wording for incident comments.\n",
    },
  });
  await sim.installApp(OWNER, [REPO]);
});

afterEach(async () => {
  await harness.close();
});

async function comments(number: number) {
  const { data } = await harness.sim
    .as("alice")
    .rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: number, per_page: 100 });
  return data.map((comment) => comment.body ?? "");
}

describe("template overrides (.github/incident-templates/)", () => {
  it("renders the repo's declaration, falls back for a broken update, and reports each problem once", async () => {
    const { sim, clock } = harness;
    const number = sim.fileIssueForm(
      "alice",
      { owner: OWNER, name: REPO },
      { ...FORM, labels: ["incident"] },
    );
    await sim.settle();

    const declared = await comments(number);
    expect(declared).toHaveLength(4);
    expect(declared[0]).toContain("🔥 **ACME incident INC-20260203-001** (SEV-2)");
    expect(declared[0]).toContain("<!-- incident-app:declaration");
    expect(declared[1]).toContain("## ✅ Checklist · INC-20260203-001");
    expect(declared[2]).toContain("## 🕒 Timeline · INC-20260203-001");
    expect(declared[3]).toContain(
      "`.github/incident-templates/postmortem.md.hbs` is not a template the app renders",
    );
    expect(declared[3]).not.toContain("README.md");

    clock.advance(5 * 60_000);
    await sim.as("bob").rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: number,
      body: "/update Rolled back.",
    });
    await sim.settle();
    const updated = await comments(number);
    const update = updated.find((body) => body.includes("Incident update: INC-20260203-001"));
    expect(update, "the built-in update template stood in").toContain("Rolled back.");
    const problems = updated.filter((body) => body.includes("template overrides in"));
    expect(problems).toHaveLength(2);
    expect(problems[1]).toContain(
      "`.github/incident-templates/update.md.hbs` uses `nextUpdateAt` (line 2), which this template is not given",
    );

    clock.advance(5 * 60_000);
    await sim.as("bob").rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: number,
      body: "/note still watching",
    });
    await sim.settle();
    expect((await comments(number)).filter((body) => body.includes("template overrides in"))).toHaveLength(2);

    // Three events read the folder's tree id with their history; its files were read once.
    const reads = sim.appRequests().filter((r) => r.graphql === "TemplateOverrides");
    expect(reads).toHaveLength(1);
  });
});
