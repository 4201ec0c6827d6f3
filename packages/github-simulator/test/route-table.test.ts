import { describe, expect, it } from "vitest";
import { routeTable } from "../src/rest/route-table.js";

function route(method: string, path: string) {
  const match = routeTable().match(method, path);
  return match ? { op: match.operation.operationId, params: match.params } : null;
}

describe("route table over GitHub's OpenAPI description", () => {
  it("lets fixed segments win over parameters", () => {
    expect(route("GET", "/repos/acme/svc/issues/comments/55")).toEqual({
      op: "issues/get-comment",
      params: { owner: "acme", repo: "svc", comment_id: "55" },
    });
    expect(route("GET", "/repos/acme/svc/issues/55")).toEqual({
      op: "issues/get",
      params: { owner: "acme", repo: "svc", issue_number: "55" },
    });
    expect(route("POST", "/repos/acme/svc/issues/comments/55/reactions")?.op).toBe(
      "reactions/create-for-issue-comment",
    );
    expect(route("POST", "/repos/acme/svc/issues/7/reactions")?.op).toBe("reactions/create-for-issue");
  });

  it("lets x-multi-segment parameters span slashes", () => {
    expect(route("GET", "/repos/acme/svc/contents/.github/incident.yml")).toEqual({
      op: "repos/get-content",
      params: { owner: "acme", repo: "svc", path: ".github/incident.yml" },
    });
    expect(route("GET", "/repos/acme/svc/git/ref/heads/feature/x")?.params.ref).toBe("heads/feature/x");
  });

  it("still prefers a fixed suffix after a multi-segment parameter", () => {
    expect(route("GET", "/repos/acme/svc/commits/main/status")).toMatchObject({
      op: "repos/get-combined-status-for-ref",
      params: { ref: "main" },
    });
    expect(route("GET", "/repos/acme/svc/commits/main")?.op).toBe("repos/get-commit");
  });

  it("decodes segments and matches segments with embedded parameters", () => {
    expect(route("DELETE", "/repos/acme/svc/issues/3/labels/sev%3A%201")?.params.name).toBe("sev: 1");
    expect(route("GET", "/repos/acme/svc/compare/main...feature")?.op).toMatch(/^repos\/compare-commits/);
  });

  it("accepts the /api/v3 prefix", () => {
    expect(route("GET", "/api/v3/repos/acme/svc")?.op).toBe("repos/get");
    expect(route("POST", "/api/v3/app/installations/12/access_tokens")).toEqual({
      op: "apps/create-installation-access-token",
      params: { installation_id: "12" },
    });
  });

  it("returns null for unknown paths and methods", () => {
    expect(route("GET", "/repos/acme/svc/nonsense/here/and/there")).toBeNull();
    expect(route("PUT", "/repos/acme/svc/issues/1/comments")).toBeNull();
  });
});
