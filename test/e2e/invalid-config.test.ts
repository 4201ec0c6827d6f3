import { afterEach, expect, it } from "vitest";
import { FORM, OWNER, PEOPLE } from "../../scripts/demo/scenario.js";
import { type Harness, startHarness } from "../support/harness.js";
import { readAsPerson } from "../support/transcript.js";

let harness: Harness;
afterEach(() => harness.close());

it("answers an invalid config with one clear comment and changes nothing else", async () => {
  harness = await startHarness();
  const { sim, clock } = harness;
  sim.createOrg(OWNER, [PEOPLE.alice, PEOPLE.bob]);
  sim.createRepo({
    owner: OWNER,
    name: "api",
    files: { ".github/incident.yml": "severities:\n  - name: SEV-1\n    ack: soon\nstatuses: [open]\n" },
  });
  await sim.installApp(OWNER, ["api"]);
  clock.set(new Date("2026-02-03T14:23:00Z"));
  const number = sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: "api" },
    { ...FORM, labels: ["incident"] },
  );
  await sim.settle();
  await sim
    .as("bob")
    .rest.issues.createComment({ owner: OWNER, repo: "api", issue_number: number, body: "/ack" });
  await sim.settle();
  const history = await readAsPerson(sim.as("alice"), OWNER, "api", number);
  const comments = history.items.flatMap((item) => (item.type === "comment" ? [item] : []));
  const errors = comments.filter((comment) => comment.body.includes("incident-app:config-error"));
  expect(errors).toHaveLength(1);
  expect(errors[0]?.body).toContain(".github/incident.yml");
  expect(errors[0]?.body).toContain("severities[0].ack");
  expect(errors[0]?.body).toContain("statuses");
  expect(history.issue.title).toBe(FORM.title);
  expect(history.issue.labels).toEqual(["incident"]);
  expect(comments.filter((comment) => comment.author?.kind === "Bot")).toHaveLength(1);
});
