import { describe, expect, it } from "vitest";
import { whoMay } from "../../../src/kernel/association-names.js";

describe("whoMay", () => {
  it("names the default permission list as people say it", () => {
    expect(whoMay(["OWNER", "MEMBER", "COLLABORATOR"])).toBe(
      "the repository's owners, members and collaborators",
    );
  });
  it("names one or two kinds without a stray comma, once each", () => {
    expect(whoMay(["OWNER"])).toBe("the repository's owners");
    expect(whoMay(["OWNER", "CONTRIBUTOR", "OWNER"])).toBe("the repository's owners and contributors");
  });
  it("says anyone when NONE is allowed, and nobody for an empty list", () => {
    expect(whoMay(["OWNER", "NONE"])).toBe("anyone");
    expect(whoMay([])).toBe("nobody");
  });
});
