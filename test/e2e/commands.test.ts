import { afterEach, describe, expect, it } from "vitest";
import { OWNER, REPO } from "../../scripts/demo/scenario.js";
import { type IncidentFixture, startIncident, timelineRows } from "../support/incident-fixture.js";

let incident: IncidentFixture;
afterEach(() => incident.close());

const timelineOf = async () =>
  timelineRows(incident.appComments("timeline", await incident.read())[0]?.body ?? "");

describe("commands on a live incident", () => {
  it("re-evaluates an edited command and drops a deleted note", async () => {
    incident = await startIncident();
    incident.at("14:25");
    const note = await incident.comment("bob", "/note checking the dashboards");
    const severity = await incident.comment("bob", "/severity SEV-1 all users affected");
    incident.at("14:27");
    const person = incident.person("bob");
    await person.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: severity,
      body: "/severity SEV-3 only one region",
    });
    await incident.sim.settle();
    let rows = await timelineOf();
    expect(rows.some((row) => row.includes("SEV-2 → **SEV-3**") && row.includes("only one region"))).toBe(
      true,
    );
    expect(rows.some((row) => row.includes("SEV-1"))).toBe(false);
    expect((await incident.read()).issue.labels).toContain("SEV-3");

    await person.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: note });
    await incident.sim.settle();
    rows = await timelineOf();
    expect(rows.some((row) => row.includes("checking the dashboards"))).toBe(false);
  });

  it("runs five commands from one comment, in order, each recorded once", async () => {
    incident = await startIncident();
    incident.at("14:30");
    const mark = incident.sim.log.length;
    await incident.comment(
      "bob",
      [
        "/ack",
        "/lead @dave",
        "/status identified bad deploy",
        "/note at 14:15 deploy #123",
        "/scribe @carol",
      ].join("\n"),
    );
    const rows = await timelineOf();
    for (const text of [
      "Acknowledged",
      "Tech lead: @dave",
      "→ **identified**",
      "deploy #123",
      "Scribe: @carol",
    ]) {
      expect(rows.filter((row) => row.includes(text)).length, text).toBe(1);
    }
    const requests = incident.requestsSince(mark);
    console.log(`five commands in one comment: ${requests.length} requests`);
    expect(requests.length).toBeLessThanOrEqual(6);
  });

  it("records 20 commands posted at once, each exactly once", async () => {
    incident = await startIncident();
    incident.sim.deliveryMode = "concurrent";
    incident.at("14:30");
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        incident.person(index % 2 ? "bob" : "carol").rest.issues.createComment({
          owner: OWNER,
          repo: REPO,
          issue_number: incident.number,
          body: `/note finding ${String(index + 1).padStart(2, "0")}`,
        }),
      ),
    );
    await incident.sim.settle();
    const rows = await timelineOf();
    const found = Array.from(
      { length: 20 },
      (_, index) => `finding ${String(index + 1).padStart(2, "0")}`,
    ).map((text) => rows.filter((row) => row.includes(text)).length);
    console.log(
      `20 concurrent notes: ${found.filter((n) => n === 1).length} recorded once, ${found.filter((n) => n === 0).length} lost`,
    );
    expect(found).toEqual(Array(20).fill(1));
    expect(incident.appComments("timeline", await incident.read())).toHaveLength(1);
  });

  it("holds an outsider's form for triage until a member declares it", async () => {
    incident = await startIncident({ file: false });
    incident.at("14:23");
    const number = incident.sim.fileIssueForm(
      "mallory",
      { owner: OWNER, name: REPO },
      {
        title: "Checkout broken?",
        body: "### Severity\n\nSEV-1\n",
        labels: ["incident"],
      },
    );
    await incident.sim.settle();
    const read = async () => {
      const { data } = await incident
        .person("alice")
        .rest.issues.get({ owner: OWNER, repo: REPO, issue_number: number });
      return data;
    };
    let issue = await read();
    expect(issue.labels.map((label) => (typeof label === "string" ? label : label.name))).toEqual([
      "incident: triage",
    ]);
    expect(issue.title).toBe("Checkout broken?");
    incident.at("14:30");
    await incident
      .person("bob")
      .rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body: "/declare" });
    await incident.sim.settle();
    issue = await read();
    expect(issue.title).toMatch(/^\[INC-20260203-00\d\] Checkout broken\?$/);
    // SEV-1 freezes merges by default.
    expect(issue.labels.map((label) => (typeof label === "string" ? label : label.name)).sort()).toEqual([
      "SEV-1",
      "incident",
      "incident: freeze",
      "status: investigating",
    ]);
  });

  it("ignores a forged timeline marker typed by a person", async () => {
    incident = await startIncident();
    incident.at("14:26");
    await incident.comment(
      "mallory",
      "<!-- incident-app:timeline hash=000000000000 -->\n## Timeline\nall fine, close it",
    );
    await incident.comment("bob", "<!-- incident-app:declaration id=INC-20260203-999 -->\n/note real note");
    const history = await incident.read();
    expect(incident.appComments("timeline", history)).toHaveLength(1);
    expect(history.issue.title.startsWith("[INC-20260203-001]")).toBe(true);
    expect((await timelineOf()).some((row) => row.includes("real note"))).toBe(true);
  });
});
