import { afterEach, describe, expect, it } from "vitest";
import { playDemo } from "../../scripts/demo/run-demo.js";
import { OWNER, REPO } from "../../scripts/demo/scenario.js";
import { type Harness, startHarness } from "../support/harness.js";
import { type IncidentFixture, startIncident, timelineRows } from "../support/incident-fixture.js";
import { readAsPerson, renderTranscript } from "../support/transcript.js";

let open: Harness | IncidentFixture | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe("redelivered, missed and simultaneous webhooks", () => {
  it("redelivering every webhook of the demo changes nothing and writes nothing", async () => {
    const harness = await startHarness();
    open = harness;
    const number = (await playDemo(harness)).issue;
    const before = renderTranscript(await readAsPerson(harness.sim.as("alice"), OWNER, REPO, number));
    const deliveries = [...harness.sim.deliveries];
    const mark = harness.sim.log.length;
    for (const delivery of deliveries) await harness.sim.redeliver(delivery.id);
    await harness.sim.settle();
    const after = renderTranscript(await readAsPerson(harness.sim.as("alice"), OWNER, REPO, number));
    expect(after).toEqual(before);
    const writes = harness.sim
      .appRequests()
      .filter((entry) => harness.sim.log.indexOf(entry) >= mark)
      .filter((entry) =>
        entry.path.endsWith("/graphql")
          ? /^\s*mutation\b/.test(String((entry.body as { query?: string } | null)?.query))
          : entry.method !== "GET",
      );
    expect(writes).toEqual([]);
    console.log(`redelivered ${deliveries.length} webhooks: 0 writes, transcript unchanged`);
    // The demo's whole incident, then every webhook again: over 30 s on a loaded 2-core machine.
  }, 120_000);

  it("heals a missed webhook with the next event", async () => {
    const incident = await startIncident();
    open = incident;
    incident.sim.holdDeliveries((delivery) => delivery.event === "issue_comment");
    incident.at("14:25");
    await incident.comment("bob", "/ack");
    let timeline = incident.appComments("timeline", await incident.read())[0]?.body ?? "";
    expect(timelineRows(timeline).some((row) => row.includes("Acknowledged"))).toBe(false);
    // The /ack delivery is lost for good; a later event (a label added by hand) arrives.
    incident.sim.holdDeliveries(() => false);
    incident.at("14:26");
    await incident
      .person("carol")
      .rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: incident.number, labels: ["SEV-1"] });
    await incident.sim.settle();
    const history = await incident.read();
    timeline = incident.appComments("timeline", history)[0]?.body ?? "";
    expect(timelineRows(timeline).some((row) => row.startsWith("| 14:25 | Acknowledged"))).toBe(true);
    expect(history.issue.assignees).toContain("bob");
  });

  it("gives two incidents declared at the same moment distinct ids", async () => {
    const incident = await startIncident({ file: false });
    open = incident;
    incident.sim.deliveryMode = "concurrent";
    const forms = ["alice", "bob"].map((login) =>
      incident.sim.fileIssueForm(
        login,
        { owner: OWNER, name: REPO },
        { title: `Outage seen by ${login}`, body: "", labels: ["incident"] },
      ),
    );
    await incident.sim.settle();
    const titles = await Promise.all(
      forms.map(
        async (number) => (await readAsPerson(incident.sim.as("alice"), OWNER, REPO, number)).issue.title,
      ),
    );
    const ids = titles.map((title) => /^\[(INC-20260203-\d{3})\]/.exec(title)?.[1]);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(2);
    console.log(`two simultaneous declarations got ${ids.join(" and ")}`);
  });
});
