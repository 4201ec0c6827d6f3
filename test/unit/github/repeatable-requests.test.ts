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
  ])("%s %s → %s", (method, url, query, repeatable) => {
    expect(isRepeatable({ method, url, query })).toBe(repeatable);
  });
});
