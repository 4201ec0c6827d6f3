import { describe, expect, it } from "vitest";
import { createConfigError, formatConfigError } from "../../../src/config/config-error.js";
import { parseConfigText } from "../../../src/config/parse-config-text.js";

function errorOf(text: string) {
  const result = parseConfigText(text, ".github/incident.yml");
  if (result.ok) throw new Error("expected an invalid config");
  return result.error;
}

describe("formatConfigError", () => {
  it("names the file, each problem at its path, what the app did and how to fix it", () => {
    const error = errorOf("severities:\n  - name: SEV-1\n    ack: soon\nseverites: []\n");
    expect(
      formatConfigError(error, { docsUrl: "https://example.com/docs/configuration.md" }),
    ).toMatchInlineSnapshot(`
      "### ⚠️ Incident configuration error

      The incident app could not use \`.github/incident.yml\` (2 problems):

      - \`severities[0].ack\`: expected a duration such as 5m, 1h, 2d or 1w (got \`soon\`)
      - \`severites\`: unknown option; did you mean \`severities\`?

      **What the app did:** nothing else with this event. It did not fall back to the defaults for the broken parts: a configuration is used whole or not at all.

      **How to fix it:** correct the file on the default branch; [the configuration reference](https://example.com/docs/configuration.md) lists every option with its type and default. Then repeat what you did (the command, label or edit) and the app will handle it."
    `);
  });

  it("shows a YAML syntax error with the lines around it, and names the docs without a link", () => {
    expect(formatConfigError(errorOf("labels:\n  incident: x\n triage: y\n"))).toMatchInlineSnapshot(`
      "### ⚠️ Incident configuration error

      The incident app could not use \`.github/incident.yml\` (1 problem):

      - YAML syntax error at line 3, column 2: bad indentation of a mapping entry

        \`\`\`
         1 | labels:
         2 |   incident: x
         3 |  triage: y
        ------^
        \`\`\`

      **What the app did:** nothing else with this event. It did not fall back to the defaults for the broken parts: a configuration is used whole or not at all.

      **How to fix it:** correct the file on the default branch; the configuration reference (\`docs/configuration.md\` in the incident app's repository) lists every option with its type and default. Then repeat what you did (the command, label or edit) and the app will handle it."
    `);
  });

  it("names the file of a problem found in an extended file", () => {
    const error = createConfigError(".github/incident.yml", [
      { path: "timeZone", message: "bad" },
      { path: "statuses", message: "worse", file: "acme/.github:.github/incident.yml" },
    ]);
    expect(
      formatConfigError(error)
        .split("\n")
        .filter((line) => line.startsWith("- ")),
    ).toEqual(["- `timeZone`: bad", "- `statuses`: worse (in `acme/.github:.github/incident.yml`)"]);
  });

  it("keeps what people wrote inside code spans, so backticks and @mentions stay inert", () => {
    const error = errorOf("timeZone: '`@alice`'\n");
    expect(formatConfigError(error)).toContain("(got `` `@alice` ``)");
  });
});

describe("createConfigError", () => {
  it("drops repeated problems and hashes the file with its problems", () => {
    const problem = { path: "timeZone", message: "bad" };
    const error = createConfigError("a.yml", [problem, { ...problem }]);
    expect(error.problems).toEqual([problem]);
    expect(error.hash).toBe(createConfigError("a.yml", [problem]).hash);
    expect(error.hash).not.toBe(createConfigError("b.yml", [problem]).hash);
  });
});
