import { botOctokit, type RequestLogEntry } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM, OWNER, PEOPLE, REPO } from "../../scripts/demo/scenario.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { decodeCheckpoint } from "../../src/github/checkpoint-codec.js";
import { checkpointOutcomes, readHistoryFromCheckpoint } from "../../src/github/checkpoint-read.js";
import type { GraphqlClient } from "../../src/github/client.js";
import { timelineHead } from "../../src/github/read-basis.js";
import { historyVariables, readHistory } from "../../src/github/read-history.js";
import type { IssueHistory } from "../../src/kernel/history.js";
import { type IncidentFixture, startIncident } from "../support/incident-fixture.js";

/**
 * One read whatever the incident's length (§2.6): once the declaration comment carries
 * a checkpoint, a command on an incident of more than a page of history is one read
 * and one write, and the history it reads is the one a full read returns (but for the
 * timeline comment's text, reduced to its marker). Without a checkpoint, with one that
 * does not verify, one an edit or a deletion made stale, or a timeline written since
 * without one, the read falls back to the full read (one request more) and the answer
 * is still right.
 */
let fx: IncidentFixture;
let bot: GraphqlClient;
const trust = () => ({ botLogin: fx.sim.botLogin, key: process.env.WEBHOOK_SECRET ?? null });
beforeAll(async () => {
  fx = await startIncident({ file: false });
  bot = (await botOctokit(fx.sim)) as unknown as GraphqlClient;
}, 120_000);
afterAll(() => fx.close());

type Octokit = ReturnType<typeof fx.sim.as>;

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

/** A comment edited or deleted on GitHub with its webhook held back, so the app never hears of it. */
async function behindTheAppsBack(
  by: Octokit,
  change: { edit: number; body: string } | { delete: number },
): Promise<void> {
  fx.sim.holdDeliveries(() => true);
  try {
    if ("edit" in change) {
      await by.rest.issues.updateComment({
        owner: OWNER,
        repo: REPO,
        comment_id: change.edit,
        body: change.body,
      });
    } else {
      await by.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: change.delete });
    }
  } finally {
    fx.sim.holdDeliveries(() => false);
  }
}

/** The requests of the command's own delivery. */
async function command(number: number, body: string): Promise<RequestLogEntry[]> {
  const id = await comment(number, PEOPLE.bob, body);
  const delivery = fx.sim.deliveries.find(
    (d) => d.event === "issue_comment" && (d.payload.comment as { id?: number }).id === id,
  );
  return fx.sim.appRequests().filter((entry) => entry.delivery === delivery?.id);
}

/** The app's comment with this marker (`timeline`, `declaration`), its id and body. */
async function appComment(number: number, kind: string): Promise<{ id: number; body: string }> {
  const { data } = await fx.sim
    .as(PEOPLE.alice)
    .rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: number, per_page: 10 });
  const found = data.find((c) => c.body?.includes(`<!-- incident-app:${kind}`));
  return { id: found?.id ?? 0, body: found?.body ?? "" };
}
const timelineBody = async (number: number) => (await appComment(number, "timeline")).body;
const declarationBody = async (number: number) => (await appComment(number, "declaration")).body;

/** A history with the timeline comment's text reduced to its marker, as the checkpoint keeps it. */
function reduced(history: IssueHistory | null): IssueHistory | null {
  if (!history) return null;
  const items = history.items.map((item) =>
    item.type === "comment" && item.body.includes("<!-- incident-app:timeline")
      ? { ...item, body: timelineHead(item.body) }
      : item,
  );
  return { ...history, items };
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
  expect(fromCheckpoint).toEqual(reduced(full));
}

describe("one read whatever the incident's length", () => {
  it("reads a long incident in one request once the declaration carries a checkpoint", async () => {
    const { number } = await longIncident(260);
    // No checkpoint covers the 260 comments yet: the full read, and the write carries one.
    expect(names(await command(number, "/note first after them"))).toEqual([
      "IncidentHistory",
      "IncidentHistory",
      "IncidentWrites",
    ]);
    // (A checkpoint written before them, once the history had 10 items, no longer reaches the tail.)
    expect(["missing", "stale"]).toContain(checkpointOutcomes.at(-1));
    const body = await declarationBody(number);
    expect(body).toMatch(
      /\n\n<!-- incident-checkpoint v2 cursor=\S+ count=\d+ timeline=IC_\d+ edits=\d+ sig=[0-9a-f]{64} data=\S+ -->$/,
    );
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(await timelineBody(number)).not.toContain("incident-checkpoint");
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
    const declaration = await appComment(number, "declaration");
    const data = /data=(\S+) -->$/.exec(declaration.body)?.[1] ?? "";
    expect(data).not.toBe("");
    // Someone with the app's own token changes what the checkpoint says; its webhook is not delivered.
    await behindTheAppsBack(await botOctokit(fx.sim), {
      edit: declaration.id,
      body: declaration.body.replace(
        data,
        `${data.slice(0, 10)}${data[10] === "A" ? "B" : "A"}${data.slice(11)}`,
      ),
    });
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
    await behindTheAppsBack(fx.sim.as(PEOPLE.bob), { edit: oldNote, body: "/note old entry, corrected" });
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
    await behindTheAppsBack(fx.sim.as(PEOPLE.carol), { delete: carolFirst });
    await command(number, "/note after the deletion");
    expect(checkpointOutcomes.at(-1)).toBe("stale");
    await expectSameHistory(number);
  }, 120_000);
});

describe("the timeline comment the checkpoint describes", () => {
  it("written since without a checkpoint, or edited by someone else: the full read, then one read again", async () => {
    const { number } = await longIncident(120);
    await command(number, "/note first");
    const timeline = await appComment(number, "timeline");
    // The app's own token rewrites the timeline without a checkpoint; its webhook is not delivered.
    await behindTheAppsBack(await botOctokit(fx.sim), { edit: timeline.id, body: `${timeline.body}\n` });
    expect(names(await command(number, "/note after the rewrite"))).toEqual([
      "IncidentHistory",
      "IncidentHistory",
      "IncidentWrites",
    ]);
    expect(checkpointOutcomes.at(-1)).toBe("stale");
    expect(names(await command(number, "/note and again"))).toEqual(["IncidentHistory", "IncidentWrites"]);
    expect(checkpointOutcomes.at(-1)).toBe("used");
    // A person edits the timeline comment: what it shows is not the app's any more.
    const edited = await appComment(number, "timeline");
    await behindTheAppsBack(fx.sim.as(PEOPLE.alice), {
      edit: edited.id,
      body: edited.body.replace("and again", "and again (edited by alice)"),
    });
    await command(number, "/note after alice");
    expect(checkpointOutcomes.at(-1)).toBe("untrusted");
    const body = await timelineBody(number);
    expect(body).toContain("after alice");
    expect(body).not.toContain("edited by alice");
    await command(number, "/note once more");
    expect(checkpointOutcomes.at(-1)).toBe("used");
    await expectSameHistory(number);
  }, 120_000);

  it("a comment deleted on a long incident leaves the checkpoint at once, in one write", async () => {
    const { number, carolFirst } = await longIncident(120);
    await command(number, "/note first");
    const secret = "note 0";
    expect(await checkpointTexts(number)).toContain(secret);
    await fx.sim
      .as(PEOPLE.carol)
      .rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: carolFirst });
    await fx.sim.settle();
    const deletion = fx.sim.deliveries.find(
      (d) =>
        d.event === "issue_comment" &&
        d.action === "deleted" &&
        (d.payload.comment as { id?: number }).id === carolFirst,
    );
    const made = fx.sim.appRequests().filter((entry) => entry.delivery === deletion?.id);
    // The full read and one write: the declaration with a fresh checkpoint.
    expect(names(made)).toEqual(["IncidentHistory", "IncidentWrites"]);
    expect(await checkpointTexts(number)).not.toContain(secret);
    await command(number, "/note after the deletion");
    expect(checkpointOutcomes.at(-1)).toBe("used");
    await expectSameHistory(number);
  }, 120_000);
});

/** The comment texts the declaration's checkpoint holds. */
async function checkpointTexts(number: number): Promise<string[]> {
  const checkpoint = decodeCheckpoint(await declarationBody(number), process.env.WEBHOOK_SECRET ?? null);
  expect(checkpoint).not.toBeNull();
  return (checkpoint?.nodes ?? []).flatMap((node) => (typeof node?.body === "string" ? [node.body] : []));
}

function variablesNow() {
  return historyVariables(ConfigSchema.parse({}), new Date("2026-02-03T15:00:00Z"), {
    withRecent: false,
    id: null,
  });
}
