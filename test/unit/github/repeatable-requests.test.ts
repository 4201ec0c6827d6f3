import { describe, expect, it } from "vitest";
import {
  ADD_COMMENT_MUTATION,
  INCIDENT_HISTORY_QUERY,
  UPDATE_COMMENT_MUTATION,
} from "../../../src/github/queries.js";
import { isRepeatable } from "../../../src/github/repeatable-requests.js";

describe("which requests Octokit may repeat by itself", () => {
  it.each([
    ["GET", "/repos/acme/svc/issues/1", undefined, true],
    ["PATCH", "/repos/acme/svc/issues/1", undefined, true],
    ["POST", "/repos/acme/svc/labels", undefined, true],
    ["POST", "/repos/acme/svc/issues/1/comments", undefined, false],
    ["POST", "/repos/acme/svc/issues", undefined, false],
    ["POST", "/graphql", INCIDENT_HISTORY_QUERY, true],
    ["POST", "/graphql", UPDATE_COMMENT_MUTATION, true],
    ["POST", "/graphql", ADD_COMMENT_MUTATION, false],
    [
      "POST",
      "/api/graphql",
      "mutation CreateRef($input: CreateRefInput!) { createRef(input: $input) { ref { id } } }",
      false,
    ],
    ["POST", "/graphql", "mutation { addComment(input: {}) { clientMutationId } }", false],
    ["POST", "/graphql", "mutation SetProjectFields($projectId: ID!) { a: x }", true],
    ["POST", "/repos/{owner}/{repo}/git/blobs", undefined, true],
    ["POST", "/repos/{owner}/{repo}/git/commits", undefined, true],
    ["POST", "/repos/{owner}/{repo}/git/refs", undefined, false],
    ["POST", "/repos/{owner}/{repo}/pulls", undefined, false],
  ])("%s %s → %s", (method, url, query, repeatable) => {
    expect(isRepeatable({ method, url, query })).toBe(repeatable);
  });

  it("never repeats a file write: a repeat is refused whether it created or replaced the file", () => {
    expect(isRepeatable({ method: "PUT", url: "/repos/{owner}/{repo}/contents/{path}" })).toBe(false);
  });
});
