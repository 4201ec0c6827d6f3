import { afterEach, describe, expect, it } from "vitest";
import { type PublishFiles, publishFiles } from "../../src/github/publish-files.js";
import { FORM_BODY } from "../support/history-builder.js";
import { memoryPublisher } from "../support/memory-publisher.js";
import { type OutwardHarness, OWNER, REPO, startOutwardHarness, writes } from "./outward-harness.js";

const CONFIG = `services:
  search: {}
  api: {}
statusPage:
  title: Acme status
`;

const site = (h: OutwardHarness) => h.publisher.branches.get("gh-pages") ?? new Map<string, string>();
/** Reads of the site: its own, or riding in the incident's read when the comment asks to publish. */
const siteQueries = (h: OutwardHarness) =>
  h.sim
    .appRequests()
    .filter(
      (e) =>
        e.graphql === "StatusSiteIncidents" ||
        String((e.body as { query?: string } | undefined)?.query).includes("siteHead:"),
    );

describe("the public status page (simulator, site branch in memory)", () => {
  let h: OutwardHarness;
  afterEach(async () => h?.close());

  it("publishes one commit per public change, nothing on redelivery or on other events", async () => {
    h = await startOutwardHarness(CONFIG);
    const at = (hhmm: string) => h.clock.set(new Date(`2026-02-03T${hhmm}:00Z`));
    at("14:23");
    const number = await h.declare();
    at("14:24");
    await h.comment("carol", number, "/note internal: db-7 is the suspect\n/update Investigating db-7");
    expect(h.publisher.calls).toBe(0);

    at("14:30");
    await h.comment("carol", number, "/status public investigating Some searches return no results.");
    expect(h.publisher.commits).toEqual([
      {
        branch: "gh-pages",
        message: "Status page: public update of INC-20260203-001",
        paths: ["status/index.html", "status/incidents.json", "status/feed.xml"],
        sha: expect.any(String),
      },
    ]);
    expect(siteQueries(h)).toHaveLength(1);
    const index = site(h).get("status/index.html") ?? "";
    expect(index).toContain("Some searches return no results.");
    expect(index).not.toContain("db-7");
    const replies = await h.appComments(number);
    expect(replies.filter((body) => body.includes("🌐 Published to the [status page]"))).toEqual([
      expect.stringContaining(
        "🌐 Published to the [status page](https://acme.github.io/search/status/): **Investigating** · “Some searches return no results.”",
      ),
    ]);

    const requests = h.sim.appRequests().length;
    for (const delivery of h.sim.deliveries.filter((d) => !d.redelivery)) await h.sim.redeliver(delivery.id);
    await h.settle();
    at("14:35");
    await h.comment("bob", number, "/note still watching");
    expect(h.publisher.calls).toBe(1);
    // The redelivered `/status public` comment's read carried the site again (no request of its own).
    expect(siteQueries(h).map((e) => e.graphql)).toEqual(["IncidentHistory", "IncidentHistory"]);
    expect(writes(h.sim.appRequests().slice(requests)).map((e) => e.graphql)).toEqual(["IncidentWrites"]);

    at("14:50");
    await h.comment("carol", number, "/status public resolved Search works again.");
    expect(h.publisher.commits).toHaveLength(2);
    const json = JSON.parse(site(h).get("status/incidents.json") ?? "{}");
    expect(json.incidents[0]).toMatchObject({
      id: "INC-20260203-001",
      name: "Incident affecting search",
      status: "resolved",
      updates: [
        { at: "2026-02-03T14:50:00Z", status: "resolved", text: "Search works again." },
        { at: "2026-02-03T14:30:00Z", status: "investigating", text: "Some searches return no results." },
      ],
    });
  });

  it("republishes when a public update is edited or deleted", async () => {
    h = await startOutwardHarness(CONFIG);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    await h.comment("carol", number, "/status public identified Fix in progres");
    const person = h.sim.as("carol");
    const { data: comments } = await person.rest.issues.listComments({
      owner: OWNER,
      repo: REPO,
      issue_number: number,
    });
    const typo = comments.find((comment) => comment.user?.login === "carol");
    h.clock.set(new Date("2026-02-03T14:25:00Z"));
    await person.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: typo?.id ?? 0,
      body: "/status public identified Fix in progress",
    });
    await h.settle();
    expect(h.publisher.commits).toHaveLength(2);
    expect(site(h).get("status/index.html")).toContain("Fix in progress</p>");
    expect(site(h).get("status/feed.xml")).not.toContain("progres<");

    await person.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: typo?.id ?? 0 });
    await h.settle();
    expect(h.publisher.commits).toHaveLength(3);
    expect(site(h).get("status/index.html")).not.toContain("Fix in progress");
  });

  it("refuses people who may not publish", async () => {
    h = await startOutwardHarness(`${CONFIG}permissions:\n  publicStatus: [OWNER]\n`);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    await h.comment("carol", number, "/status public identified From carol");
    expect(h.publisher.calls).toBe(0);
    const refusal = (await h.appComments(number)).find((body) => body.includes("may publish"));
    expect(refusal).toContain("Only the repository's owners may publish customer-facing updates");
  });

  it("reports a failed publish once and retries it with the next event", async () => {
    let failing = true;
    const memory = memoryPublisher();
    h = await startOutwardHarness(
      CONFIG,
      {},
      {
        publishFiles: async (octokit, input) => {
          if (failing)
            throw Object.assign(new Error("Resource not accessible by integration"), { status: 403 });
          return memory.publish(octokit, input);
        },
      },
    );
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    await h.comment("carol", number, "/status public identified Fix in progress");
    await h.comment("bob", number, "/note one");
    const failures = (await h.appComments(number)).filter((body) => body.includes("could not be updated"));
    expect(failures).toEqual([
      expect.stringContaining(
        "⚠️ The status page could not be updated: GitHub answered 403 (Resource not accessible by integration).",
      ),
    ]);
    failing = false;
    await h.comment("bob", number, "/note two");
    expect(memory.commits).toHaveLength(1);
    expect((await h.appComments(number)).some((body) => body.includes("🌐 Published"))).toBe(true);
  });

  describe("when another publisher makes the site branch between the read and the write", () => {
    /** The real publisher; once, after it made its orphan commit, someone else makes the branch first. */
    const racing = (after: (h: OutwardHarness) => Promise<void>) => {
      let raced = false;
      const publish: PublishFiles = async (octokit, input) => {
        const result = await publishFiles(octokit, input);
        if (result.deferred?.kind === "new-branch" && !raced) {
          raced = true;
          const alice = h.sim.as("alice").rest;
          const where = { owner: OWNER, repo: REPO };
          const { data: tree } = await alice.git.createTree({
            ...where,
            tree: [{ path: "status/index.html", mode: "100644", type: "blob", content: "theirs" }],
          });
          const { data: commit } = await alice.git.createCommit({
            ...where,
            message: "theirs",
            tree: tree.sha,
            parents: [],
          });
          await alice.git.createRef({ ...where, ref: `refs/heads/${input.branch}`, sha: commit.sha });
          await after(h);
        }
        return result;
      };
      return publish;
    };
    const branchFile = async (path: string) => {
      const { data } = await h.sim
        .as("alice")
        .rest.repos.getContent({ owner: OWNER, repo: REPO, path, ref: "gh-pages" });
      return Buffer.from((data as { content: string }).content, "base64").toString("utf8");
    };

    it("publishes on that branch the ordinary way, and says so once", async () => {
      h = await startOutwardHarness(CONFIG, {}, { publishFiles: racing(async () => {}) });
      h.clock.set(new Date("2026-02-03T14:23:00Z"));
      const number = await h.declare();
      await h.comment("carol", number, "/status public identified Fix in progress");
      // `createRef` was refused (the branch exists): read again, and one commit on top of theirs.
      const names = h.sim.appRequests().map((e) => e.graphql ?? `${e.method} ${e.path}`);
      expect(names.slice(names.lastIndexOf("IncidentHistory"))).toEqual([
        "IncidentHistory",
        "POST /repos/acme/search/git/trees",
        "POST /repos/acme/search/git/commits",
        "IncidentWrites",
        "StatusSiteIncidents",
        "CommitStatusSite",
      ]);
      expect(await branchFile("status/index.html")).toContain("Fix in progress");
      const comments = await h.appComments(number);
      expect(comments.filter((body) => body.includes("🌐 Published"))).toHaveLength(1);
      expect(comments.some((body) => body.includes("could not be updated"))).toBe(false);
    });

    it("and when another publisher moved it: the commit is refused as stale, then made on the new head", async () => {
      let moved = false;
      const publish: PublishFiles = async (octokit, input) => {
        const result = await publishFiles(octokit, input);
        if (result.deferred?.kind === "commit" && !moved) {
          moved = true;
          const alice = h.sim.as("alice").rest;
          const where = { owner: OWNER, repo: REPO };
          const { data: head } = await alice.git.getRef({ ...where, ref: `heads/${input.branch}` });
          const { data: parent } = await alice.git.getCommit({ ...where, commit_sha: head.object.sha });
          const { data: tree } = await alice.git.createTree({
            ...where,
            base_tree: parent.tree.sha,
            tree: [{ path: "status/CNAME", mode: "100644", type: "blob", content: "status.example.com" }],
          });
          const { data: commit } = await alice.git.createCommit({
            ...where,
            message: "theirs",
            tree: tree.sha,
            parents: [head.object.sha],
          });
          await alice.git.updateRef({ ...where, ref: `heads/${input.branch}`, sha: commit.sha });
        }
        return result;
      };
      h = await startOutwardHarness(CONFIG, {}, { publishFiles: publish });
      h.clock.set(new Date("2026-02-03T14:23:00Z"));
      const number = await h.declare();
      await h.comment("carol", number, "/status public investigating Looking into it");
      await h.comment("carol", number, "/status public identified Fix in progress");
      const names = h.sim.appRequests().map((e) => e.graphql ?? `${e.method} ${e.path}`);
      expect(names.slice(names.lastIndexOf("IncidentHistory"))).toEqual([
        "IncidentHistory",
        "IncidentWrites",
        "StatusSiteIncidents",
        "CommitStatusSite",
      ]);
      expect(await branchFile("status/index.html")).toContain("Fix in progress");
      expect(await branchFile("status/CNAME")).toBe("status.example.com");
      const comments = await h.appComments(number);
      expect(comments.filter((body) => body.includes("🌐 Published"))).toHaveLength(2);
      expect(comments.some((body) => body.includes("could not be updated"))).toBe(false);
    });

    it("reports the failure when publishing again fails too, and the next event publishes", async () => {
      let failing = true;
      const inner = racing(async () => {});
      const publish: PublishFiles = async (octokit, input) => {
        if (!input.defer && failing)
          throw Object.assign(new Error("Resource not accessible by integration"), { status: 403 });
        return inner(octokit, input);
      };
      h = await startOutwardHarness(CONFIG, {}, { publishFiles: publish });
      h.clock.set(new Date("2026-02-03T14:23:00Z"));
      const number = await h.declare();
      await h.comment("carol", number, "/status public identified Fix in progress");
      expect((await h.appComments(number)).filter((body) => body.includes("could not be updated"))).toEqual([
        expect.stringContaining("⚠️ The status page could not be updated: GitHub answered 403"),
      ]);
      failing = false;
      await h.comment("bob", number, "/note next");
      expect(await branchFile("status/index.html")).toContain("Fix in progress");
    });
  });

  it("reminds on resolution that the page still shows the incident as ongoing", async () => {
    h = await startOutwardHarness(CONFIG);
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = await h.declare();
    await h.comment("carol", number, "/status public monitoring A fix is in place.");
    await h.comment("bob", number, "/resolve done");
    const resolution = (await h.appComments(number)).find((body) => body.includes("Incident resolved"));
    expect(resolution).toContain(
      "The status page still shows this incident as **Monitoring**: post `/status public resolved <what customers should know>`",
    );
  });

  it("a security incident in a public repository: top severity, no impact on the issue or in chat, nothing public", async () => {
    h = await startOutwardHarness();
    h.clock.set(new Date("2026-02-03T14:23:00Z"));
    const number = h.sim.fileIssueForm(
      "alice",
      { owner: OWNER, name: REPO },
      {
        title: "Login tokens exposed",
        body: FORM_BODY.replace("- [ ] This is a security", "- [x] This is a security"),
        labels: ["incident"],
      },
    );
    await h.settle();
    const { data: issue } = await h.sim
      .as("alice")
      .rest.issues.get({ owner: OWNER, repo: REPO, issue_number: number });
    expect(issue.labels.map((label) => (typeof label === "string" ? label : label.name))).toContain("SEV-1");
    const declaration =
      (await h.appComments(number)).find((body) => body.includes("Incident declared")) ?? "";
    expect(declaration).toContain(
      "| **Impact** | withheld: this is a security incident in a public repository",
    );
    expect(declaration).not.toContain("food bank");
    const chat = JSON.stringify(h.chatReceiver.received("alerts"));
    expect(chat).toContain("Security incident: details are shared with the responders only");
    expect(chat).not.toContain("kept on the issue");
    expect(chat).not.toContain("food bank");
    expect(h.publisher.calls).toBe(0);
  });
});
