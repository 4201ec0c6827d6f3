import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { readExtrasFor } from "../../../src/pipelines/read-extras.js";

const now = new Date("2026-02-03T14:30:00Z");
const where = { owner: "acme", repo: "search" };
const config = ConfigSchema.parse({ statusPage: { title: "Acme status" } });
const comment = (body: string) => ({ comment: { id: 1, body } });

describe("what the incident's read brings for the comment (§2.6)", () => {
  it("the status site for /status public, from the config's branch, folder and window", () => {
    const extras = readExtrasFor(comment("/status public investigating Looking"), where, config, now);
    expect(extras.site).toMatchObject({
      owner: "acme",
      repo: "search",
      branch: "gh-pages",
      folder: "status",
    });
    expect(extras.pulls).toBeUndefined();
  });

  it("nothing for the site when the status page is off, or for a line that does not parse", () => {
    const off = ConfigSchema.parse({ statusPage: { enabled: false } });
    expect(readExtrasFor(comment("/status public investigating Looking"), where, off, now)).toEqual({});
    expect(readExtrasFor(comment("/status public nonsense"), where, config, now)).toEqual({});
  });

  it("the pull requests of this repository /revert names, once each; not another repository's", () => {
    const body = "/revert #7\n/revert #7\n/revert acme/api#9\n/revert #8";
    expect(readExtrasFor(comment(body), where, config, now)).toEqual({ pulls: [7, 8] });
  });

  it("nothing for an event without a comment, or a comment without commands", () => {
    expect(readExtrasFor({ issue: {} }, where, config, now)).toEqual({});
    expect(readExtrasFor(comment("looking into it"), where, config, now)).toEqual({});
  });
});
