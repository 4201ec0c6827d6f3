import { afterEach, describe, expect, it } from "vitest";
import { OWNER, PEOPLE, REPO } from "../../scripts/demo/scenario.js";
import { type IncidentFixture, startIncident } from "../support/incident-fixture.js";

let incident: IncidentFixture;
afterEach(() => incident.close());

/**
 * An incident whose history is longer than a page (more than 100 comments and
 * events): the one read per event is one request (the later pages come with the
 * first, early-pages.ts), and a command's writes (reaction, reply, timeline, and the
 * declaration carrying the checkpoint) are one document whose last mutation returns the
 * history again: the verify read.
 */
describe("a long incident's API budget", () => {
  it("/update on 130 notes: one read, then reaction, reply and timeline in one write that verifies", async () => {
    incident = await startIncident();
    incident.at("14:25");
    const bob = incident.person(PEOPLE.bob);
    // The notes reach GitHub without their webhooks; the first event after them takes them all in.
    incident.sim.holdDeliveries(() => true);
    for (let i = 0; i < 130; i++)
      await bob.rest.issues.createComment({
        owner: OWNER,
        repo: REPO,
        issue_number: incident.number,
        body: `/note n${i}`,
      });
    incident.sim.holdDeliveries(() => false);
    incident.at("14:26");
    await incident.comment(PEOPLE.bob, "/note caught up");
    const history = await incident.read();
    expect(history.items.length).toBeGreaterThan(130);
    const timeline = incident.appComments("timeline", history)[0]?.body ?? "";
    expect(timeline).toContain("n129");

    incident.at("14:30");
    const mark = incident.sim.log.length;
    await incident.comment(PEOPLE.bob, "/update Rolled back; watching the error rate");
    const made = incident
      .requestsSince(mark)
      .map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`);
    expect(made).toEqual(["IncidentHistory", "IncidentWrites"]);
    const [, writes] = incident.requestsSince(mark);
    const document = String((writes?.body as { query?: string } | null)?.query);
    // The timeline, then the declaration carrying the history's checkpoint (checkpoint-write.ts).
    expect([...document.matchAll(/\bw\d+: (\w+)\(/g)].map((m) => m[1])).toEqual([
      "addReaction",
      "addComment",
      "updateIssueComment",
      "updateIssueComment",
    ]);
    expect(JSON.stringify(writes?.body)).toContain("incident-checkpoint v2");
  });
});
