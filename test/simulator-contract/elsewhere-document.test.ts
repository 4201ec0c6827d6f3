import { githubSchema } from "@incident-app/github-simulator";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { elsewhereDocument } from "../../src/github/read-elsewhere.js";

/**
 * `IncidentElsewhere` is built per event (one aliased `repository` per repository, the
 * parts each needs): every shape it takes must be one GitHub's schema accepts, with no
 * variable declared and unused (GitHub refuses those).
 */
const need = (
  repo: string,
  parts: Partial<Record<"ids" | "suspects" | "freeze" | "freezers" | "code", boolean>>,
) => ({
  repo,
  ids: false,
  suspects: false,
  freeze: false,
  ...parts,
});

describe("the batched read of other repositories", () => {
  const shapes = {
    "ids only": [need("acme/a", { ids: true }), need("acme/b", { ids: true })],
    declaring: [need("acme/a", { ids: true, suspects: true }), need("acme/b", { ids: true })],
    freezing: [need("acme/a", { freeze: true }), need("acme/incidents", { freezers: true })],
    "freezers only": [need("acme/incidents", { freezers: true })],
    "code owners files": [
      {
        ...need("acme/a", { ids: true, suspects: true }),
        ownersFiles: ["services/a/CODEOWNERS", "b/OWNERS"],
      },
      { ...need("acme/own", {}), ownersFiles: ["services/own/CODEOWNERS"] },
    ],
    everything: [
      need("acme/a", { ids: true, suspects: true, freeze: true, code: true }),
      need("acme/b", { freezers: true }),
    ],
    "code only (the timeline)": [need("acme/a", { code: true }), need("acme/b", { code: true })],
    // Suspects and the timeline both want the deployments: asked once, in one repository field.
    "suspects and code": [need("acme/a", { suspects: true, code: true }), need("acme/b", { ids: true })],
  };

  for (const [name, needs] of Object.entries(shapes)) {
    it(`validates against GitHub's schema: ${name}`, () => {
      expect(validate(githubSchema(), parse(elsewhereDocument(needs))).map((e) => e.message)).toEqual([]);
    });
  }

  it("asks a repository's deployments once when suspects and the timeline both want them", () => {
    const document = elsewhereDocument([need("acme/a", { suspects: true, code: true })]);
    expect(document.match(/deployments\(/g)).toHaveLength(1);
    expect(document).toContain("hotfixRef: ref(qualifiedName: $hotfixRef)");
  });
});
