import { describe, expect, it } from "vitest";
import { pullLinks } from "../../../src/features/code-response/pull-links.js";
import { pullRef } from "../../../src/kernel/code-history.js";
import { marker } from "../../../src/kernel/markers.js";

const BOT = "incident-bot[bot]";
const pull = (body: string, author = "dave") => ({
  number: 3,
  title: "Revert scoring",
  body,
  headRef: "revert-1-tune-scoring",
  author,
});

describe("pull links across repositories", () => {
  it("keeps `#12` in the pull request's repository and names other repositories' issues elsewhere", () => {
    const links = pullLinks(
      pull("Fixes #12, see acme/incidents#7 and https://github.com/acme/ops/issues/9"),
      BOT,
      "acme/search-service",
    );
    expect(links.numbers).toEqual([12]);
    expect(links.elsewhere).toEqual([
      { repository: "acme/incidents", number: 7, id: null },
      { repository: "acme/ops", number: 9, id: null },
    ]);
  });

  it("treats its own repository's name as a local mention", () => {
    const links = pullLinks(pull("Fixes acme/search-service#12"), BOT, "acme/search-service");
    expect(links.numbers).toEqual([12]);
    expect(links.elsewhere).toEqual([]);
  });

  it("takes the incident's repository and id from the app's revert marker, not from anyone's", () => {
    const body = `${marker("revert", { issue: 7, pr: 1, source: "5:1", repo: "acme/incidents", id: "INC-20260203-001" })}
Reverts #1 for incident INC-20260203-001 (acme/incidents#7).`;
    const mine = pullLinks(pull(body, BOT), BOT, "acme/search-service");
    expect(mine.elsewhere).toEqual([{ repository: "acme/incidents", number: 7, id: "INC-20260203-001" }]);
    // `#1` is the reverted pull request, in this repository; the marker adds no local incident #7.
    expect(mine.numbers).toEqual([1]);
    const forged = pullLinks(pull(body, "mallory"), BOT, "acme/search-service");
    expect(forged.elsewhere).toEqual([{ repository: "acme/incidents", number: 7, id: null }]);
  });
});

describe("pull request references", () => {
  it("names a pull request of another repository with its repository", () => {
    const url = (repo: string) => ({ number: 4, url: `https://github.com/${repo}/pull/4` });
    expect(pullRef(url("acme/incidents"), "acme/incidents")).toBe("#4");
    expect(pullRef(url("Acme/Incidents"), "acme/incidents")).toBe("#4");
    expect(pullRef(url("acme/search-service"), "acme/incidents")).toBe("acme/search-service#4");
  });
});
