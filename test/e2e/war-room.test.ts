import { afterEach, describe, expect, it } from "vitest";
import { ALL_SCOPES } from "../slack-simulator/method-scopes.js";
import { deliver, signature } from "../slack-simulator/send-to-app.js";
import {
  OWNER,
  PEOPLE,
  REPO,
  startWarRoomHarness,
  WAR_ROOM_YAML,
  type WarRoomHarness,
} from "./war-room-harness.js";

const CHANNEL = "inc-20260203-001";
const SLACK_WRITES =
  /^(conversations\.(create|setTopic|invite|rename|archive)|chat\.(postMessage|update|postEphemeral)|pins\.add)$/;
const shape = (entries: { method: string; path: string; graphql: string | null }[]) =>
  entries.map((entry) => entry.graphql ?? `${entry.method} ${entry.path.replace(/^\/api\/v3/, "")}`);

/** Carol opens the channel and joins: Slack only sends messages of members. */
function join(h: WarRoomHarness, channelId: string, userId: string) {
  h.slack.state.channels.get(channelId)?.members.push(userId);
}

async function appComments(h: WarRoomHarness, number: number): Promise<string[]> {
  const { data } = await h.sim
    .as("alice")
    .rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: number, per_page: 100 });
  return data
    .filter((comment) => comment.user?.login === h.sim.botLogin)
    .map((comment) => comment.body ?? "");
}

describe("war room in Slack (GitHub simulator + Slack simulator)", () => {
  let h: WarRoomHarness;
  afterEach(async () => h?.close());

  it("opens the channel, takes commands from it, mirrors the timeline and archives it after resolution", async () => {
    h = await startWarRoomHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    const channel = h.channel(CHANNEL);
    expect(channel).toMatchObject({ isPrivate: false, isArchived: false });
    expect(channel?.topic).toBe(
      "INC-20260203-001 · SEV-2 · investigating · IC not assigned · https://github.com/acme/search/issues/1",
    );
    expect(channel?.members).toEqual(["U0SIMBOT1", PEOPLE.alice]);
    const id = channel?.id ?? "";
    expect(h.slack.state.pins).toEqual([expect.objectContaining({ channel: id })]);
    const declarationCalls = h.slack.requests.length;

    // bob acknowledges with the slash command: acknowledged at once, then relayed.
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    const before = h.githubRequests().length;
    const ack = await h.slash(PEOPLE.bob, id, "ack");
    expect(ack.status).toBe(200);
    expect(shape(h.githubRequests(before))).toEqual([
      // The relay: the repository's installation, bob's access, the comment for him.
      "GET /repos/acme/search/installation",
      "GET /repos/acme/search/collaborators/bob",
      "POST /repos/acme/search/issues/1/comments",
      // The app's own pipeline on that comment's webhook, as for any command: bob never
      // commented himself, so his assignment goes by REST; the rest is one document.
      "IncidentHistory",
      "PATCH /repos/acme/search/issues/1",
      "IncidentWrites",
    ]);
    expect(h.slack.state.responseUrlPosts.map((post) => (post.body as { text: string }).text)).toEqual([
      ":eyes: Sent to the incident: `/ack`",
    ]);
    expect(h.channel(CHANNEL)?.topic).toContain(`IC <@${PEOPLE.bob}>`);
    expect(h.channel(CHANNEL)?.members).toContain(PEOPLE.bob);

    // carol posts an update as a message in the channel; talk around it stays talk.
    join(h, id, PEOPLE.carol);
    h.clock.set(new Date("2026-02-03T14:26:00Z"));
    const said = await h.say(PEOPLE.carol, id, "rolling back now\n!update Rolling back the 14:10 deploy");
    expect(said.status).toBe(200);
    const relayed = (await appComments(h, number)).find((body) => body.startsWith("/update"));
    expect(relayed).toContain("Typed in Slack by @carol in #inc-20260203-001.");

    h.clock.set(new Date("2026-02-03T14:40:00Z"));
    await h.comment("bob", number, "/resolve rolled back");
    expect(h.botMessages(id).slice(1)).toEqual([
      "*14:23 UTC* Declared *SEV-2*, status *investigating* (from the form) · @alice",
      "*14:24 UTC* Acknowledged · @bob",
      "*14:24 UTC* Incident commander: @bob",
      "*14:26 UTC* Status update posted: “Rolling back the 14:10 deploy” · @carol",
      "*14:40 UTC* Post-incident review PR #2 opened: “Post-incident review: INC-20260203-001 Search returns no results”",
      "*14:40 UTC* Resolved: “rolled back” · @bob",
      ":white_check_mark: Resolved. The post-incident review: https://github.com/acme/search/pull/2",
    ]);
    expect(h.channel(CHANNEL)?.isArchived).toBe(true);
    // The timeline on GitHub says who typed what in Slack.
    const timeline = (await appComments(h, number)).find((body) => body.includes("incident-app:timeline"));
    expect(timeline).toContain("@bob (in Slack #inc-20260203-001)");
    expect(timeline).toContain("@carol (in Slack #inc-20260203-001)");

    // The budget: Slack calls for the whole incident (declaration, two relays, resolution).
    expect(declarationCalls).toBe(10);
    expect(h.slack.requests.length).toBe(31);
    expect(h.slack.state.ephemerals).toEqual([]);
    expect(h.slack.requests.every((request) => request.status === 200 && request.response.ok)).toBe(true);
  });

  it("answers unmapped people and outsiders ephemerally, and does nothing on GitHub", async () => {
    h = await startWarRoomHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    const id = h.channel(CHANNEL)?.id ?? "";
    const comments = (await appComments(h, number)).length;
    const before = h.githubRequests().length;

    await h.slash("U0EVE0001", id, "ack");
    await h.slash(PEOPLE.mallory, id, "severity SEV-1 let me in");
    const answers = h.slack.state.responseUrlPosts.map((post) => (post.body as { text: string }).text);
    expect(answers[0]).toContain("Slack user `U0EVE0001` has no GitHub login in the war-room config");
    expect(answers[1]).toBe(
      "@mallory may not run incident commands on this repository (only its members and collaborators may). Nothing was done.",
    );
    expect(
      h.slack.state.responseUrlPosts.every(
        (post) => (post.body as { response_type: string }).response_type === "ephemeral",
      ),
    ).toBe(true);
    // No write on GitHub: reads only (installation, config, mallory's access).
    expect(h.githubRequests(before).filter((entry) => entry.method !== "GET")).toEqual([]);
    expect(await appComments(h, number)).toHaveLength(comments);

    // A message with a command from someone unmapped: the answer only they see.
    join(h, id, "U0EVE0001");
    await h.say("U0EVE0001", id, "!ack");
    expect(h.slack.state.ephemerals).toEqual([
      expect.objectContaining({ user: "U0EVE0001", text: expect.stringContaining("warRoom.people") }),
    ]);
  });

  it("declares from Slack with /incident declare, as the mapped person", async () => {
    h = await startWarRoomHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const general = h.slack.state.channels.size;
    expect(general).toBe(0);
    await h.slash(PEOPLE.bob, "C0GENERAL1", "declare SEV-1 Checkout errors for EU users");
    const channel = h.channel(CHANNEL);
    expect(channel?.topic).toMatch(/^INC-20260203-001 · SEV-1 · investigating · /);
    expect(channel?.members).toContain(PEOPLE.bob);
    const { data: issue } = await h.sim
      .as("alice")
      .rest.issues.get({ owner: OWNER, repo: REPO, issue_number: 1 });
    expect(issue.title).toBe("[INC-20260203-001] Checkout errors for EU users");
    expect(issue.labels.map((label) => (typeof label === "string" ? label : label.name))).toContain("SEV-1");
  });

  it("never opens a second channel or posts a message twice when every webhook is delivered again", async () => {
    h = await startWarRoomHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    const id = h.channel(CHANNEL)?.id ?? "";
    await h.slash(PEOPLE.bob, id, "ack");
    await h.comment("carol", number, "/note checking the deploy log");
    const writes = h.slack.requests.filter((request) => SLACK_WRITES.test(request.method)).length;
    const messages = h.slack.state.messages.length;
    for (const delivery of h.sim.deliveries.filter((d) => !d.redelivery)) await h.sim.redeliver(delivery.id);
    await h.settle();
    expect(h.slack.state.channels.size).toBe(1);
    expect(h.slack.state.messages.length).toBe(messages);
    expect(h.slack.requests.filter((request) => SLACK_WRITES.test(request.method)).length).toBe(writes);
    expect(h.slack.state.pins).toHaveLength(1);
  });

  it("gives a security incident a private channel with only mapped responders", async () => {
    h = await startWarRoomHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    await h.declare({ security: true });
    const channel = h.channel(CHANNEL);
    expect(channel).toMatchObject({ isPrivate: true });
    expect(channel?.members).toEqual(["U0SIMBOT1", PEOPLE.alice]);
    expect(h.slack.calls("conversations.create").map((call) => call.args.is_private)).toEqual(["true"]);
    // An unmapped person is told the security rule, and cannot act.
    await h.slash("U0EVE0001", channel?.id ?? "", "ack");
    const answer = h.slack.state.responseUrlPosts[0]?.body as { text: string } | undefined;
    expect(answer?.text).toContain("security incident");
  });

  it("waits out Slack's rate limits, and says once on the incident when the channel is late", async () => {
    h = await startWarRoomHarness();
    h.slack.rateLimit("conversations.create", 2, 3);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    await h.declare();
    expect(h.channel(CHANNEL)).not.toBeNull();
    expect(h.slackSleeps).toEqual([3000, 3000]);
    expect(h.slack.calls("conversations.create").map((call) => call.status)).toEqual([429, 429, 200]);

    // Slack stays rate limited past every attempt: the incident carries on, and says so once.
    h.slack.rateLimit("chat.postMessage", 8, 1);
    h.clock.set(new Date("2026-02-03T14:24:00Z"));
    await h.comment("bob", 1, "/ack");
    await h.comment("bob", 1, "/note still looking");
    const late = (await appComments(h, 1)).filter((body) => body.includes("The Slack channel is late"));
    expect(late).toHaveLength(1);
    expect(late[0]).toContain("Slack did not answer `chat.postMessage` (rate limited)");
    // Once Slack answers again, the next change catches the channel up.
    await h.comment("bob", 1, "/note found it");
    expect(h.botMessages(h.channel(CHANNEL)?.id ?? "")).toContain("*14:24 UTC* Note: “found it” · @bob");
    expect(
      h.botMessages(h.channel(CHANNEL)?.id ?? "").filter((text) => text.includes("Acknowledged")),
    ).toHaveLength(1);
  });

  it("names a missing scope once on the incident", async () => {
    h = await startWarRoomHarness({ scopes: ALL_SCOPES.filter((scope) => scope !== "pins:write") });
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    await h.declare();
    await h.comment("bob", 1, "/ack");
    const problems = (await appComments(h, 1)).filter((body) => body.includes("cannot follow this incident"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("the Slack app lacks the `pins:write` scope (Slack refused `pins.add`)");
  });

  it("refuses unsigned, forged and stale requests with 401 and does nothing", async () => {
    h = await startWarRoomHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    await h.declare();
    const id = h.channel(CHANNEL)?.id ?? "";
    const github = h.githubRequests().length;
    const slack = h.slack.requests.length;
    const url = `${h.appUrl}/slack/commands`;
    const forged = await h.slack.sendSlashCommand(
      { text: "ack", userId: PEOPLE.bob, channelId: id, url },
      { signingSecret: "guess" },
    );
    const stale = await h.slack.sendSlashCommand(
      { text: "ack", userId: PEOPLE.bob, channelId: id, url },
      { timestamp: Math.floor(h.clock.now().getTime() / 1000) - 6 * 60 },
    );
    const unsigned = await h.slack.sendMessageEvent(
      { channel: id, user: PEOPLE.bob, text: "!ack", url: `${h.appUrl}/slack/events` },
      { signature: "" },
    );
    await h.settle();
    expect([forged.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(h.githubRequests().length).toBe(github);
    expect(h.slack.requests.length).toBe(slack);
  });
});

describe("war room when the incident changes", () => {
  let h: WarRoomHarness;
  afterEach(async () => h?.close());

  it("opens the channel when the severity is raised into the configured ones, and goes private for security", async () => {
    h = await startWarRoomHarness({ config: WAR_ROOM_YAML.replace("[SEV-1, SEV-2]", "[SEV-1]") });
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    await h.comment("bob", number, "/note SEV-2 gets no channel here");
    // Not a severity with a channel: not one Slack call.
    expect(h.slack.requests).toEqual([]);
    expect(h.slack.state.channels.size).toBe(0);
    await h.comment("bob", number, "/severity SEV-1 spreading");
    const raised = h.channel(CHANNEL);
    expect(raised?.topic).toMatch(/^INC-20260203-001 · SEV-1 · /);
    expect(raised?.isPrivate).toBe(false);

    await h.sim
      .as("bob")
      .rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: number, labels: ["security"] });
    await h.settle();
    const moved = h.channel(CHANNEL);
    expect(moved).toMatchObject({
      isArchived: true,
      topic: "Archived: the incident continues in a private channel.",
    });
    const secret = h.channel(`${CHANNEL}-2`);
    expect(secret).toMatchObject({ isPrivate: true, isArchived: false });
    expect(secret?.topic).toMatch(/^INC-20260203-001 · /);
  });
});

describe("the Slack routes", () => {
  let h: WarRoomHarness;
  afterEach(async () => h?.close());

  it("answers Slack's url_verification challenge once the signature checks out, and nothing else", async () => {
    h = await startWarRoomHarness();
    const url = `${h.appUrl}/slack/events`;
    const body = JSON.stringify({
      token: "t",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const secret = h.signingSecret;
    const answered = await deliver("event", url, body, "application/json", secret, now);
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.responseText)).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
    const forged = await deliver("event", url, body, "application/json", "not-the-secret", now);
    expect(forged.status).toBe(401);
    expect(forged.responseText).not.toContain("3eZbrw1a");
    const get = await fetch(url);
    expect(get.status).toBe(405);
  });
});

describe("Slack's retries of an event", () => {
  let h: WarRoomHarness;
  afterEach(async () => h?.close());

  it("relay a command typed once only once, at the cost of one read", async () => {
    h = await startWarRoomHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    const id = h.channel(CHANNEL)?.id ?? "";
    join(h, id, PEOPLE.carol);
    await h.say(PEOPLE.carol, id, "!note the cache is cold");
    const sent = h.slack.deliveries.at(-1);
    const before = h.githubRequests().length;
    // Slack did not see the answer in time and sends the same event again.
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const again = await fetch(sent?.url ?? "", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(now),
        "x-slack-signature": signature(h.signingSecret, now, sent?.body ?? ""),
        "x-slack-retry-num": "1",
        "x-slack-retry-reason": "http_timeout",
      },
      body: sent?.body ?? "",
    });
    await h.settle();
    expect(again.status).toBe(200);
    expect(
      (await appComments(h, number)).filter((body) => body.startsWith("/note the cache is cold")),
    ).toHaveLength(1);
    expect(shape(h.githubRequests(before))).toEqual([
      "GET /repos/acme/search/installation",
      "GET /repos/acme/search/collaborators/carol",
      "GET /repos/acme/search/issues/1/comments",
    ]);
  });
});
