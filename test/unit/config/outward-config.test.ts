import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../../src/config/parse-config-text.js";

const FILE = ".github/incident.yml";

function parse(text: string) {
  return parseConfigText(text, FILE);
}

describe("outward communication options", () => {
  it("has safe defaults: no chat targets, the status page on gh-pages/status, security forced to the top", () => {
    const result = parse("");
    if (!result.ok) throw new Error("invalid");
    expect(result.config.notifications).toEqual({ targets: {}, timeout: 5_000, attempts: 3 });
    expect(result.config.statusPage).toEqual({
      enabled: true,
      branch: "gh-pages",
      folder: "status",
      title: "Service status",
      days: 90,
    });
    expect(result.config.security).toEqual({ label: "security" });
    expect(result.config.permissions.publicStatus).toEqual(["OWNER", "MEMBER", "COLLABORATOR"]);
  });

  it("takes targets that name an environment variable", () => {
    const result = parse(
      "notifications:\n  targets:\n    alerts: { type: slack, urlFrom: SLACK_URL, severities: [SEV-1] }\n",
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    expect(result.config.notifications.targets.alerts).toEqual({
      type: "slack",
      urlFrom: "SLACK_URL",
      severities: ["SEV-1"],
      public: false,
    });
  });

  it("refuses a webhook URL written into the file without repeating it, and unknown severities", () => {
    const url = "https://hooks.slack.com/services/T000/B000/secret";
    const result = parse(
      [
        "notifications:",
        "  targets:",
        `    alerts: { type: slack, urlFrom: '${url}', severities: [SEV-9] }`,
        "security:",
        "  severity: P0",
      ].join("\n"),
    );
    if (result.ok) throw new Error("expected problems");
    expect(result.error.problems.map((problem) => [problem.path, problem.message])).toEqual([
      [
        "notifications.targets.alerts.urlFrom",
        "expected the name of an environment variable or secret (e.g. SLACK_ALERTS_WEBHOOK_URL), never the URL itself",
      ],
      [
        "notifications.targets.alerts.severities[0]",
        "expected the name of a severity: `SEV-1`, `SEV-2`, `SEV-3`, `SEV-4` (got `SEV-9`)",
      ],
      [
        "security.severity",
        "expected the name of a severity: `SEV-1`, `SEV-2`, `SEV-3`, `SEV-4`; did you mean `SEV-1`? (got `P0`)",
      ],
    ]);
    expect(JSON.stringify(result.error)).not.toContain("hooks.slack.com");
  });
});
