import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../../src/config/parse-config-text.js";

describe("the warRoom section of .github/incident.yml", () => {
  it("is off by default, and takes people by Slack member id", () => {
    const result = parseConfigText("warRoom:\n  enabled: true\n  people:\n    '@Bob': U0BOB0001\n", "x.yml");
    expect(result.ok && result.config.warRoom).toMatchObject({
      enabled: true,
      severities: ["SEV-1", "SEV-2"],
      people: { bob: "U0BOB0001" },
      commandPrefix: "!",
      afterResolve: "archive",
    });
    const defaults = parseConfigText("", "x.yml");
    expect(defaults.ok && defaults.config.warRoom.enabled).toBe(false);
  });

  it("names a severity that does not exist, and a display name where an id belongs", () => {
    const result = parseConfigText(
      "warRoom:\n  enabled: true\n  severities: [SEV-1, SEV-9]\n  people:\n    bob: Bob Smith\n",
      "x.yml",
    );
    expect(result.ok).toBe(false);
    const problems = result.ok
      ? []
      : result.error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    expect(problems.join("\n")).toMatch(/warRoom\.severities\.1|warRoom\.severities\[1\]/);
    expect(problems.join("\n")).toContain("Slack user id");
  });
});
