import { botOctokit, type RequestLogEntry } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM, OWNER, PEOPLE, REPO } from "../../scripts/demo/scenario.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { checkpointOutcomes, readHistoryFromCheckpoint } from "../../src/github/checkpoint-read.js";
import type { GraphqlClient } from "../../src/github/client.js";
import { historyVariables, readHistory } from "../../src/github/read-history.js";
import { type IncidentFixture, startIncident } from "../support/incident-fixture.js";

/**
 * One read whatever the incident's length (§2.6): once the timeline comment carries a
 * checkpoint, a command on an incident of more than a page of history is one read and
 * one write, and the history it reads is the one a full read returns. Without a
 * checkpoint, with one that does not verify, or one an edit or a deletion made stale,
 * the read falls back to the full read (one request more) and the answer is still right.
 */
let fx: IncidentFixture;
let bot: GraphqlClient;
const trust = () => ({ botLogin: fx.sim.botLogin, key: process.env.WEBHOOK_SECRET ?? null });
beforeAll(async () => {
  fx = await startIncident({ file: false });
  bot = (await botOctokit(fx.sim)) as unknown as GraphqlClient;
}, 120_000);
afterAll(() => fx.close());

const names = (entries: RequestLogEntry[]) =>
  entries.map((entry) => entry.graphql ?? `${entry.method} ${entry.path}`);

/** A long incident: one answered `/note`, then `count` comments whose webhooks are not delivered. */
async function longIncident(count: number): Promise<{ number: number; oldNote: number; carolFirst: number }> {
  const number = fx.sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await fx.sim.settle();
  const oldNote = await comment(number, PEOPLE.bob, "/note old entry");
  fx.sim.holdDeliveries(() => true);
  let carolFirst = 0;
  for (let i = 0; i < count; i++) {
    const id = await comment(number, PEOPLE.carol, `note ${i}`);
    if (i === 0) carolFirst = id;
  }
  fx.sim.holdDeliveries(() => false);
  return { number, oldNote, carolFirst };
}

async function comment(number: number, login: string, body: string): Promise<number> {
  const { data } = await fx.sim
    .as(login)
    .rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
  await fx.sim.settle();
  return data.id;
}

/** The requests of the command's own delivery. */
async function command(number: number, body: string): Promise<RequestLogEntry[]> {
  const id = await comment(number, PEOPLE.bob, body);
  const delivery = fx.sim.deliveries.find(
    (d) => d.event === "issue_comment" && (d.payload.comment as { id?: number }).id === id,
  );
  return fx.sim.appRequests().filter((entry) => entry.delivery === delivery?.id);
}

async function timelineBody(number: number): Promise<string> {
  const { data } = await fx.sim
    .as(PEOPLE.alice)
    .rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: number, per_page: 10 });
  return data.find((c) => c.body?.includes("<!-- incident-app:timeline"))?.body ?? "";
}

/** The app's two reads of the incident agree: from the checkpoint, and in full. */
async function expectSameHistory(number: number): Promise<void> {
  const where = { owner: OWNER, repo: REPO, number };
  const variables = historyVariables(ConfigSchema.parse({}), new Date("2026-02-03T15:00:00Z"), {
    withRecent: false,
    id: null,
  });
  const full = await readHistory(bot, where, variables);
  const fromCheckpoint = await readHistoryFromCheckpoint(bot, where, variables, trust());
  expect(checkpointOutcomes.at(-1)).toBe("used");
  expect(fromCheckpoint).toEqual(full);
}

describe("one read whatever the incident's length", () => {
  it("reads a long incident in one request once the timeline carries a checkpoint", async () => {
    const { number } = await longIncident(260);
    // No checkpoint covers the 260 comments yet: the full read, and the write carries one.
    expect(names(await command(number, "/note first after them"))).toEqual([
      "IncidentHistory",
      "IncidentHistory",
      "IncidentWrites",
    ]);
    // (A checkpoint written before them, once the history had 10 items, no longer reaches the tail.)
    expect(["missing", "stale"]).toContain(checkpointOutcomes.at(-1));
    const body = await timelineBody(number);
    expect(body).toMatch(
      /\n\n<!-- incident-checkpoint v1 cursor=\S+ count=\d+ sig=[0-9a-f]{64} data=\S+ -->$/,
    );
    expect(body.length).toBeLessThanOrEqual(65_536);
    for (const note of ["second", "third"]) {
      expect(names(await command(number, `/note ${note}`))).toEqual(["IncidentHistory", "IncidentWrites"]);
      expect(checkpointOutcomes.at(-1)).toBe("used");
    }
    expect(await timelineBody(number)).toContain("third");
    await expectSameHistory(number);
  }, 120_000);

  it("falls back to the full read when the checkpoint does not verify, and writes a good one", async () => {
    const { number } = await longIncident(120);
    await command(number, "/note first");
    const body = await timelineBody(number);
    const data = /data=(\S+) -->$/.exec(body)?.[1] ?? "";
    expect(data).not.toBe("");
    // Someone with the app's own token changes what the checkpoint says; its webhook is not delivered.
    const { data: comments } = await fx.sim
      .as(PEOPLE.alice)
      .rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: number, per_page: 10 });
    const timeline = comments.find((c) => c.body === body);
    fx.sim.holdDeliveries(() => true);
    await (await botOctokit(fx.sim)).rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: timeline?.id ?? 0,
      body: body.replace(data, `${data.slice(0, 10)}${data[10] === "A" ? "B" : "A"}${data.slice(11)}`),
    });
    fx.sim.holdDeliveries(() => false);
    expect(names(await command(number, "/note after the damage"))).toEqual([
      "IncidentHistory",
      "IncidentHistory",
      "IncidentWrites",
    ]);
    expect(checkpointOutcomes.at(-1)).toBe("untrusted");
    expect(await timelineBody(number)).toContain("after the damage");
    expect(names(await command(number, "/note and again"))).toEqual(["IncidentHistory", "IncidentWrites"]);
    await expectSameHistory(number);
  }, 120_000);

  it("sees an old comment edited or deleted after the checkpoint was written", async () => {
    const { number, oldNote, carolFirst } = await longIncident(120);
    await command(number, "/note first");
    // The edit and the deletion reach GitHub, a little later; their webhooks do not reach the app.
    fx.at("14:40");
    fx.sim.holdDeliveries(() => true);
    await fx.sim.as(PEOPLE.bob).rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: oldNote,
      body: "/note old entry, corrected",
    });
    fx.sim.holdDeliveries(() => false);
    expect(names(await command(number, "/note after the edit"))).toEqual([
      "IncidentHistory",
      "IncidentHistory",
      "IncidentWrites",
    ]);
    expect(checkpointOutcomes.at(-1)).toBe("stale");
    await expectSameHistory(number);
    const after = await readHistory(bot, { owner: OWNER, repo: REPO, number }, variablesNow());
    const edited = after?.items.find(
      (item) => item.type === "comment" && item.body === "/note old entry, corrected",
    );
    expect(edited).toBeDefined();
    fx.sim.holdDeliveries(() => true);
    await fx.sim
      .as(PEOPLE.carol)
      .rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: carolFirst });
    fx.sim.holdDeliveries(() => false);
    await command(number, "/note after the deletion");
    expect(checkpointOutcomes.at(-1)).toBe("stale");
    await expectSameHistory(number);
  }, 120_000);
});

function variablesNow() {
  return historyVariables(ConfigSchema.parse({}), new Date("2026-02-03T15:00:00Z"), {
    withRecent: false,
    id: null,
  });
}
