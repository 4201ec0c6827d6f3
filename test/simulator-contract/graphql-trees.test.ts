import { blobSha, createClock, type Simulator, startSimulator } from "@incident-app/github-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import { INCIDENT_HISTORY_QUERY, TEMPLATE_OVERRIDES_QUERY } from "../../src/github/queries.js";
import { historyVariables } from "../../src/github/read-history.js";
import { START } from "./contract-world.js";

/** Folders through `object(expression:)`: a tree id that follows the content, and its entries. */
let sim: Simulator;
const files = {
  ".github/incident-templates/declaration.md.hbs": "{{marker}} declared\n",
  ".github/incident-templates/notes/README.md": "ours\n",
  ".github/incident.yml": "timeZone: UTC\n",
};

beforeAll(async () => {
  sim = await startSimulator({ clock: createClock(START) });
  sim.createOrg("acme", ["alice"]);
  sim.createRepo({ owner: "acme", name: "svc", files });
  sim.createRepo({ owner: "acme", name: "same", files });
  sim.createRepo({
    owner: "acme",
    name: "other",
    files: { ...files, ".github/incident-templates/declaration.md.hbs": "{{marker}} changed\n" },
  });
});
afterAll(() => sim.close());

const overrides = (repo: string) =>
  sim
    .as("alice")
    .graphql<{ repository: { folder: Record<string, unknown> | null } }>(TEMPLATE_OVERRIDES_QUERY, {
      owner: "acme",
      repo,
      expression: "HEAD:.github/incident-templates",
    });

describe("TemplateOverrides", () => {
  it("returns the folder's files with their text, and sub-folders as trees", async () => {
    const { repository } = await overrides("svc");
    expect(repository.folder).toEqual({
      __typename: "Tree",
      oid: expect.stringMatching(/^[0-9a-f]{40}$/),
      entries: [
        {
          name: "declaration.md.hbs",
          type: "blob",
          object: { __typename: "Blob", text: "{{marker}} declared\n", isBinary: false, isTruncated: false },
        },
        { name: "notes", type: "tree", object: { __typename: "Tree" } },
      ],
    });
  });

  it("gives a folder the same id for the same content, and a new one when a file changes", async () => {
    const [svc, same, other] = await Promise.all([overrides("svc"), overrides("same"), overrides("other")]);
    expect(same.repository.folder?.oid).toBe(svc.repository.folder?.oid);
    expect(other.repository.folder?.oid).not.toBe(svc.repository.folder?.oid);
    expect(svc.repository.folder?.oid).not.toBe(
      blobSha(files[".github/incident-templates/declaration.md.hbs"]),
    );
  });

  it("is null where the folder does not exist, and the history read names the same tree", async () => {
    const missing = await sim
      .as("alice")
      .graphql<{ repository: { folder: unknown } }>(TEMPLATE_OVERRIDES_QUERY, {
        owner: "acme",
        repo: "svc",
        expression: "HEAD:.github/nothing-here",
      });
    expect(missing.repository.folder).toBeNull();

    const { data: issue } = await sim
      .as("alice")
      .rest.issues.create({ owner: "acme", repo: "svc", title: "x" });
    const history = await sim
      .as("alice")
      .graphql<{ repository: { templatesFolder: { oid: string } } }>(INCIDENT_HISTORY_QUERY, {
        owner: "acme",
        repo: "svc",
        number: issue.number,
        ...historyVariables(ConfigSchema.parse({}), new Date("2026-02-03T00:00:00Z"), {
          withRecent: false,
          id: null,
        }),
      });
    expect(history.repository.templatesFolder).toEqual({
      __typename: "Tree",
      oid: (await overrides("svc")).repository.folder?.oid,
    });
  });
});
