import { describe, expect, it, vi } from "vitest";
import {
  type Checkpoint,
  COMMENT_LIMIT,
  decodeCheckpoint,
  encodeCheckpoint,
  stripCheckpoint,
  withCheckpoint,
} from "../../src/github/checkpoint-codec.js";
import type { RawItem } from "../../src/github/raw-history.js";

const note = (k: number): RawItem => ({
  __typename: "IssueComment",
  id: `IC_${k}`,
  databaseId: k,
  url: `https://github.com/acme/search/issues/1#issuecomment-${k}`,
  body: `/note entry ${k}`,
  createdAt: "2026-02-03T14:23:00Z",
  author: { __typename: "User", login: "bob" },
  authorAssociation: "MEMBER",
  reactionGroups: [{ content: "EYES", viewerHasReacted: true }],
});
const checkpoint = (count: number): Checkpoint => ({
  cursor: "Y3Vyc29yOnYyOjI5Mw==",
  count,
  nodes: Array.from({ length: count }, (_, k) => note(k)),
  timeline: { id: "IC_3", edits: 12 },
});
const BODY = "<!-- incident-app:declaration id=INC-20260203-001 -->\n🚨 **Incident declared**\n";

describe("the declaration comment's checkpoint", () => {
  it("comes back as it was written, and the body without it is the rendered body", () => {
    const body = withCheckpoint(BODY, checkpoint(200), "secret");
    expect(body.startsWith(BODY)).toBe(true);
    expect(stripCheckpoint(body)).toBe(BODY);
    expect(decodeCheckpoint(body, "secret")).toEqual(checkpoint(200));
    // Written again over an old one: one checkpoint, the newest.
    expect(decodeCheckpoint(withCheckpoint(body, checkpoint(3), "secret"), "secret")).toEqual(checkpoint(3));
  });

  it("is rejected when anything it covers was changed, or signed with another key", () => {
    const body = withCheckpoint(BODY, checkpoint(20), "secret");
    expect(decodeCheckpoint(body, "another secret")).toBeNull();
    expect(decodeCheckpoint(body, null)).toBeNull();
    expect(decodeCheckpoint(body.replace("count=20", "count=19"), "secret")).toBeNull();
    expect(decodeCheckpoint(body.replace("cursor=Y3Vy", "cursor=Z3Vy"), "secret")).toBeNull();
    // Which comment is the timeline, and how often it was edited, are signed too.
    expect(decodeCheckpoint(body.replace("edits=12", "edits=13"), "secret")).toBeNull();
    expect(decodeCheckpoint(body.replace("timeline=IC_3", "timeline=IC_4"), "secret")).toBeNull();
    const data = /data=(\S+)/.exec(body)?.[1] ?? "";
    const flipped = `${data.slice(0, 40)}${data[40] === "A" ? "B" : "A"}${data.slice(41)}`;
    expect(decodeCheckpoint(body.replace(data, flipped), "secret")).toBeNull();
    // Without a secret the digest is a plain sha256: it still catches damage.
    const plain = withCheckpoint(BODY, checkpoint(20), null);
    expect(decodeCheckpoint(plain, null)).toEqual(checkpoint(20));
    expect(decodeCheckpoint(plain.replace("count=20", "count=21"), null)).toBeNull();
    expect(decodeCheckpoint(BODY, "secret")).toBeNull();
  });

  it("is left out when the comment would be longer than GitHub allows", () => {
    const long = `${BODY}${"x".repeat(COMMENT_LIMIT - BODY.length - 100)}`;
    expect(withCheckpoint(long, checkpoint(50), "secret")).toBe(long);
    expect(encodeCheckpoint(checkpoint(50), "secret").length).toBeGreaterThan(100);
  });

  it("removes a checkpoint an earlier version left in a timeline comment, and ignores it", () => {
    const timeline = "<!-- incident-app:timeline hash=abc -->\n## Timeline\n";
    const old = `${timeline}\n\n<!-- incident-checkpoint v1 cursor=Y3Vy count=3 sig=${"0".repeat(64)} data=H4sI -->`;
    expect(stripCheckpoint(old)).toBe(timeline);
    expect(decodeCheckpoint(old, "secret")).toBeNull();
  });

  it("is read from its text by a process that did not write it", async () => {
    const body = withCheckpoint(BODY, checkpoint(40), "secret");
    vi.resetModules();
    const fresh = await import("../../src/github/checkpoint-codec.js");
    expect(fresh.decodeCheckpoint(body, "secret")).toEqual(checkpoint(40));
    expect(fresh.decodeCheckpoint(body.replace("count=40", "count=39"), "secret")).toBeNull();
  });
});
