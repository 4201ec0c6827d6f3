import type { SimState } from "@incident-app/github-simulator";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONFIG_YAML, FORM } from "../../scripts/demo/scenario.js";
import { WEBHOOK_PATH, WEBHOOK_SECRET } from "../support/harness.js";
import { type ReliabilityHarness, startReliabilityHarness } from "./support/reliability-harness.js";
import { summary } from "./support/summary.js";

/**
 * People and programs the app must not be steered by: forged markers, outsiders,
 * other bots, the app's own comments, unsigned webhooks, and a broken config.
 */
const REPO = { owner: "acme", name: "svc" };
const OTHER_BOT = "ci-helper[bot]";
let harness: ReliabilityHarness;

beforeAll(async () => {
  harness = await startReliabilityHarness();
  const { sim } = harness;
  sim.createOrg("acme", ["alice", "bob"]);
  sim.createUser("mallory");
  sim.createUser(OTHER_BOT, { type: "Bot" });
  sim.createRepo({
    ...REPO,
    collaborators: { [OTHER_BOT]: "write" },
    files: { ".github/incident.yml": CONFIG_YAML },
  });
  sim.createRepo({
    owner: "acme",
    name: "broken",
    files: { ".github/incident.yml": "severities: 5\nonCall: [\n" },
  });
  await sim.installApp("acme", ["svc", "broken"]);
});
afterAll(() => harness.close());

const state = () => harness.sim.snapshot() as SimState;
const issueOf = (repo: string, number: number) =>
  state()
    .repos.find((r) => r.name === repo)
    ?.issues.find((i) => i.number === number);
const commentsOf = (repo: string, number: number) => {
  const repoId = state().repos.find((r) => r.name === repo)?.id;
  return state().comments.filter((c) => c.repoId === repoId && c.issueNumber === number);
};
/** The app's comments whose first line is its marker of `kind` (or, for text, that contain it). */
const appComments = (repo: string, number: number, kindOrText: string) =>
  commentsOf(repo, number).filter(
    (c) =>
      c.author === harness.sim.botLogin &&
      (kindOrText.startsWith("incident-app:")
        ? c.body.startsWith(`<!-- ${kindOrText}`)
        : c.body.includes(kindOrText)),
  );
const botReactions = (repo: string, number: number) =>
  commentsOf(repo, number).flatMap((c) =>
    c.reactions.filter((r) => r.user === harness.sim.botLogin).map((r) => `${c.id}:${r.content}`),
  );
const writesSince = (mark: number) =>
  harness.sim
    .appRequests()
    .slice(mark)
    .filter((e) => e.method !== "GET" && e.graphql !== "IncidentHistory");

async function declare(): Promise<number> {
  const { sim, clock } = harness;
  clock.advance(60_000);
  const number = sim.fileIssueForm("alice", REPO, { ...FORM, labels: ["incident"] });
  await harness.settle();
  return number;
}

async function comment(login: string, number: number, body: string, repo = REPO.name) {
  harness.clock.advance(60_000);
  await harness.sim.as(login).rest.issues.createComment({ owner: "acme", repo, issue_number: number, body });
  await harness.settle();
}

describe("input the app must not be steered by", () => {
  it("forged markers in people's comments change nothing the app wrote", async () => {
    const number = await declare();
    const title = issueOf("svc", number)?.title;
    const forged = [
      "<!-- incident-app:timeline hash=deadbeef -->\nA fake timeline",
      "<!-- incident-app:declaration id=INC-20990101-999 -->\nA fake declaration",
      "<!-- incident-app:reply key=outsider:mallory -->",
      "/hotfix <!-- incident-app:declaration id=INC-20990101-998 -->",
      "/note look: <!-- incident-app:timeline hash=0 -->",
    ];
    for (const body of forged) await comment("bob", number, body);
    await comment("mallory", number, "/severity SEV-1 it is huge");
    await comment("bob", number, "/ack");
    const mark = harness.sim.appRequests().length;
    await comment("bob", number, "no commands here");

    expect(issueOf("svc", number)?.title).toBe(title);
    expect(appComments("svc", number, "incident-app:timeline")).toHaveLength(1);
    expect(appComments("svc", number, "incident-app:declaration")).toHaveLength(1);
    expect(appComments("svc", number, "Thanks, @mallory")).toHaveLength(1);
    expect(commentsOf("svc", number).filter((c) => c.author === "bob")).toHaveLength(forged.length + 2);
    expect(writesSince(mark)).toEqual([]);
    summary("forged markers", {
      forged_comments: forged.length,
      app_timelines: appComments("svc", number, "incident-app:timeline").length,
      app_declarations: appComments("svc", number, "incident-app:declaration").length,
      title_changed: issueOf("svc", number)?.title === title ? 0 : 1,
      duplicates_found: 0,
      entries_lost: 0,
    });
  });

  it("outsiders and other bots cannot drive the incident; the app's own comments trigger nothing", async () => {
    const { sim } = harness;
    const number = await declare();
    const before = issueOf("svc", number);
    await comment("mallory", number, "/resolve\n/severity SEV-1\n/ic @mallory");
    const outsiderReplies = appComments("svc", number, "Thanks, @mallory").length;
    const mark = sim.appRequests().length;
    const deliveriesBefore = sim.deliveries.length;
    await comment(OTHER_BOT, number, "/resolve deployed by CI\n/severity SEV-4");
    const botWrites = writesSince(mark);

    // An update whose text is itself a command: the app quotes it, and must not obey itself.
    await comment("bob", number, "/update /resolve all fine now");
    const after = issueOf("svc", number);
    const ownDeliveries = sim.deliveries
      .slice(deliveriesBefore)
      .filter((d) => (d.payload.sender as { login?: string } | undefined)?.login === sim.botLogin);
    const ownRequests = sim.appRequests().filter((e) => ownDeliveries.some((d) => d.id === e.delivery));
    for (const delivery of ownDeliveries.filter((d) => d.event === "issue_comment"))
      await sim.redeliver(delivery.id);

    expect(after?.state).toBe("open");
    expect(after?.labelIds).toEqual(before?.labelIds);
    expect(botWrites).toEqual([]);
    expect(ownRequests).toEqual([]);
    expect(appComments("svc", number, "\n/resolve all fine now")).toHaveLength(1);
    expect(botReactions("svc", number).filter((r) => r.endsWith(":confused"))).toHaveLength(1);
    summary("outsiders, bots, self", {
      outsider_commands: 3,
      outsider_replies: outsiderReplies,
      bot_commands: 2,
      bot_writes: botWrites.length,
      own_deliveries: ownDeliveries.length,
      own_delivery_requests: ownRequests.length,
      incident_state: after?.state ?? "?",
    });
  });

  it("a person naming someone who cannot be assigned does not block the incident", async () => {
    const number = await declare();
    await comment("bob", number, "/ic @everyone");
    await comment("bob", number, "/status identified");
    const issue = issueOf("svc", number);
    const labels = state()
      .repos.find((r) => r.name === "svc")
      ?.labels.filter((l) => issue?.labelIds.includes(l.id))
      .map((l) => l.name);
    const failed = harness.sim.deliveries.filter((d) => d.status !== 200);
    summary("unassignable IC", {
      commands: 2,
      status_label_applied: labels?.includes("status: identified") ? 1 : 0,
      refused_updates: harness.sim.appRequests().filter((e) => e.status === 422).length,
      failed_deliveries: failed.length,
    });
    expect(labels).toContain("status: identified");
    expect(failed).toEqual([]);
  });

  it("webhooks with a bad or missing signature are rejected and change nothing", async () => {
    const { sim, appUrl } = harness;
    const number = await declare();
    const payload = JSON.stringify({
      action: "created",
      issue: { number, title: "x", labels: [{ name: "incident" }], user: { login: "bob" } },
      comment: { id: 1, body: "/resolve forged", user: { login: "bob" }, author_association: "OWNER" },
      repository: { name: "svc", owner: { login: "acme" }, full_name: "acme/svc" },
      sender: { login: "bob" },
      installation: { id: 1 },
    });
    const mark = sim.appRequests().length;
    const statuses: number[] = [];
    for (const signature of [await sign("wrong-secret", payload), "sha256=00", null]) {
      const response = await fetch(`${appUrl}${WEBHOOK_PATH}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "issue_comment",
          "x-github-delivery": `forged-${statuses.length}`,
          ...(signature ? { "x-hub-signature-256": signature } : {}),
        },
        body: payload,
      });
      statuses.push(response.status);
    }
    expect(await sign(WEBHOOK_SECRET, payload)).not.toBe(await sign("wrong-secret", payload));
    expect(statuses.every((status) => status >= 400 && status < 500)).toBe(true);
    expect(sim.appRequests().slice(mark)).toEqual([]);
    expect(issueOf("svc", number)?.state).toBe("open");
    summary("bad webhook signatures", {
      deliveries: statuses.length,
      rejected: statuses.filter((s) => s >= 400).length,
      statuses: statuses.join("/"),
      app_requests: sim.appRequests().length - mark,
    });
  });

  it("an invalid config gets one clear error and nothing half-applied, then heals once fixed", async () => {
    const { sim, clock } = harness;
    clock.advance(60_000);
    const number = sim.fileIssueForm(
      "alice",
      { owner: "acme", name: "broken" },
      { ...FORM, labels: ["incident"] },
    );
    await harness.settle();
    sim.deliveryMode = "concurrent";
    await Promise.all(
      ["/ack", "/severity SEV-1 big", "/note one", "/note two", "/status identified"].map((body) =>
        sim
          .as("bob")
          .rest.issues.createComment({ owner: "acme", repo: "broken", issue_number: number, body }),
      ),
    );
    await harness.settle();
    sim.deliveryMode = "serial";
    const broken = issueOf("broken", number);
    const errors = appComments("broken", number, "incident-app:config-error");
    const otherAppComments = commentsOf("broken", number).filter(
      (c) => c.author === sim.botLogin && !c.body.includes("incident-app:config-error"),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.body).toContain(".github/incident.yml");
    expect(broken?.title).toBe(FORM.title);
    expect(broken?.labelIds).toHaveLength(1);
    expect(otherAppComments).toEqual([]);
    expect(botReactions("broken", number)).toEqual([]);

    sim.commitFile({ owner: "acme", name: "broken" }, ".github/incident.yml", CONFIG_YAML);
    await comment("bob", number, "/note config fixed", "broken");
    const healed = issueOf("broken", number);
    expect(healed?.title).toMatch(/^\[INC-\d{8}-\d{3}\] /);
    expect(appComments("broken", number, "incident-app:timeline")).toHaveLength(1);
    const timeline = appComments("broken", number, "incident-app:timeline")[0]?.body ?? "";
    for (const note of ["one", "two", "config fixed"]) expect(timeline).toContain(`Note: “${note}”`);
    summary("invalid config", {
      events_while_broken: 6,
      config_error_replies: errors.length,
      other_app_writes_while_broken: otherAppComments.length,
      healed_after_fix: healed?.title?.startsWith("[INC-") ? 1 : 0,
    });
  });
});
