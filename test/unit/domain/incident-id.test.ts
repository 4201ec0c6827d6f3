import { describe, expect, it } from "vitest";
import { idFromTitle, nextId, parseId, resolveClash, withIdPrefix } from "../../../src/kernel/incident-id.js";

const at = new Date("2026-02-03T14:23:00Z");

describe("incident ids", () => {
  it("numbers the day's declarations from 001", () => {
    expect(nextId(at, [], 7)).toBe("INC-20260203-001");
    expect(
      nextId(
        at,
        [
          { number: 3, title: "[INC-20260203-001] a" },
          { number: 5, title: "[INC-20260203-002] b" },
          { number: 6, title: "[INC-20260202-009] yesterday" },
        ],
        7,
      ),
    ).toBe("INC-20260203-003");
  });

  it("ignores ids that are not the app's title prefix, and itself", () => {
    expect(
      nextId(
        at,
        [
          { number: 3, title: "see INC-20260203-004" },
          { number: 7, title: "[INC-20260203-009] me" },
        ],
        7,
      ),
    ).toBe("INC-20260203-001");
  });

  it("uses the UTC day", () => {
    expect(nextId(new Date("2026-02-03T23:59:59Z"), [], 1)).toBe("INC-20260203-001");
    expect(nextId(new Date("2026-02-04T00:00:00Z"), [], 1)).toBe("INC-20260204-001");
  });

  it("moves off a clash; both sides of a symmetric clash end distinct", () => {
    const both = [
      { number: 10, title: "[INC-20260203-001] a" },
      { number: 11, title: "[INC-20260203-001] b" },
    ];
    const ten = resolveClash("INC-20260203-001", 10, both);
    const eleven = resolveClash("INC-20260203-001", 11, both);
    expect(ten).toBe("INC-20260203-002");
    expect(eleven).toBe("INC-20260203-003");
    expect(resolveClash("INC-20260203-002", 10, both)).toBe("INC-20260203-002");
  });

  it("orders a clash across repositories by creation time, then repository and number", () => {
    const at = "2026-02-03T14:00:00Z";
    const seenFromApi = [
      { number: 9, title: "[INC-20260203-001] api down", createdAt: at },
      { number: 4, title: "[INC-20260203-001] search down", createdAt: at, repo: "acme/search" },
    ];
    const seenFromSearch = [
      { number: 4, title: "[INC-20260203-001] search down", createdAt: at },
      { number: 9, title: "[INC-20260203-001] api down", createdAt: at, repo: "acme/api" },
    ];
    // Same number space no more: issue 9 of acme/api and issue 4 of acme/search are told apart
    // by repository when created in the same second, so both sides agree on the order.
    const api = resolveClash("INC-20260203-001", { number: 9, repo: "acme/api", createdAt: at }, seenFromApi);
    const search = resolveClash(
      "INC-20260203-001",
      { number: 4, repo: "acme/search", createdAt: at },
      seenFromSearch,
    );
    expect([api, search]).toEqual(["INC-20260203-002", "INC-20260203-003"]);
    // Only one side saw the clash (the other checked first): it alone moves.
    expect(resolveClash("INC-20260203-001", { number: 4, repo: "acme/search", createdAt: at }, [])).toBe(
      "INC-20260203-001",
    );
  });

  it("prefixes titles once", () => {
    expect(withIdPrefix("Search down", "INC-20260203-001")).toBe("[INC-20260203-001] Search down");
    expect(withIdPrefix("[INC-20260203-001] Search down", "INC-20260203-002")).toBe(
      "[INC-20260203-002] Search down",
    );
    expect(idFromTitle("[INC-20260203-001] x")).toBe("INC-20260203-001");
    expect(idFromTitle("x [INC-20260203-001]")).toBeNull();
    expect(parseId("INC-20260203-012")).toEqual({ id: "INC-20260203-012", day: "20260203", sequence: 12 });
  });
});

describe("withIdPrefix", () => {
  it("keeps the title within GitHub's 256 characters", () => {
    const long = "x".repeat(250);
    const titled = withIdPrefix(long, "INC-20260203-001");
    expect(titled.length).toBe(256);
    expect(titled).toMatch(/^\[INC-20260203-001\] x+…$/);
    expect(withIdPrefix(titled, "INC-20260203-001")).toBe(titled);
    expect(withIdPrefix("😀".repeat(130), "INC-20260203-001").length).toBeLessThanOrEqual(256);
  });
});
