import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { statusSiteFiles } from "../../../src/features/outward/status-page/site-files.js";
import type { Association } from "../../../src/kernel/history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { bot, HistoryBuilder, user } from "../../support/history-builder.js";

/**
 * Nothing private leaves an incident: over random incidents, every word that is not
 * an accepted `/status public` text (titles, impact, links, typed services, notes,
 * internal updates, reasons, people, public-looking text from people who may not
 * publish, from bots or inside code blocks) is marked `qqx`, and no site file may
 * contain `qqx`; every accepted public text must be on the site.
 */
const config = ConfigSchema.parse({ services: { search: {}, api: {} } });
const ctx = { config, botLogin: bot.login, formTemplate: readFormTemplate() };
const word = fc.stringMatching(/^[a-p0-9]{3,8}$/);
const secret = word.map((w) => `qqx${w}`);
const publicText = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => `pubz ${words.join(" ")}`);
const state = fc.constantFrom("investigating", "identified", "monitoring", "resolved");

type Step =
  | { kind: "public"; state: string; text: string }
  | { kind: "private"; body: string; association: Association; by: string; isBot?: boolean };

const priv = (body: string, by = "bob", association: Association = "MEMBER", isBot = false): Step => ({
  kind: "private",
  body,
  by,
  association,
  isBot,
});

const privateStep: fc.Arbitrary<Step> = fc.oneof(
  secret.map((s) => priv(`/note ${s} at https://${s}.example`)),
  secret.map((s) => priv(`/update ${s}`)),
  secret.map((s) => priv(`/ic @${s}\n/lead @${s}x`)),
  secret.map((s) => priv(`/severity SEV-1 ${s}`)),
  secret.map((s) => priv(`/escalate ${s}\n/ack ${s}`)),
  secret.map((s) => priv(`/resolve ${s}`)),
  secret.map((s) => priv(`just talking about ${s}`, s)),
  fc
    .tuple(state, secret)
    .map(([st, s]) => priv(`/status public ${st} ${s} from an outsider`, "qqxmallory", "NONE")),
  fc.tuple(state, secret).map(([st, s]) => priv(`\`\`\`\n/status public ${st} ${s} quoted\n\`\`\``)),
  fc
    .tuple(state, secret)
    .map(([st, s]) => priv(`/status public ${st} ${s} from a bot`, "ci[bot]", "NONE", true)),
);
const publicStep: fc.Arbitrary<Step> = fc
  .tuple(state, publicText)
  .map(([st, text]) => ({ kind: "public", state: st, text }));

const incidentArb = fc.record({
  declared: fc.boolean(),
  title: secret,
  impact: secret,
  steps: fc.array(fc.oneof(privateStep, publicStep), { maxLength: 12 }),
});

function history(spec: Incident, number: number) {
  const body = `### Severity\n\nSEV-2\n\n### What is broken / user impact\n\n${spec.impact}\n\n### Affected services\n\nsearch, ${spec.impact}svc\n\n### Links\n\nhttps://${spec.impact}.example/dash\n`;
  const builder = new HistoryBuilder({ title: `Title ${spec.title}`, body, author: `${spec.title}author` });
  builder.history.issue.number = number;
  if (spec.declared) builder.label("incident", "2026-02-03T14:23:00Z", user(`${spec.title}author`));
  spec.steps.forEach((step, index) => {
    const at = new Date(Date.UTC(2026, 1, 3, 14, 24 + index)).toISOString();
    if (step.kind === "public")
      builder.comment(`/status public ${step.state} n${number} ${step.text}`, at, user("carol"));
    else
      builder.comment(step.body, at, step.isBot ? { login: step.by, kind: "Bot" } : user(step.by), {
        association: step.association,
      });
  });
  return builder.history;
}

interface Incident {
  declared: boolean;
  title: string;
  impact: string;
  steps: Step[];
}

describe("nothing private in the status site (property)", () => {
  it("holds over random incidents", () => {
    fc.assert(
      fc.property(fc.array(incidentArb, { minLength: 1, maxLength: 4 }), (incidents: Incident[]) => {
        const histories = incidents.map((spec, index) => history(spec, index + 1));
        const files = statusSiteFiles({
          histories,
          ctx,
          now: new Date("2026-02-04T00:00:00Z"),
          nameWithOwner: "acme/shop",
        });
        const output = files.map((file) => file.content).join("\n");
        expect(output).not.toContain("qqx");
        incidents.forEach((spec, index) => {
          for (const step of spec.steps) {
            if (step.kind !== "public") continue;
            const text = `n${index + 1} ${step.text}`;
            // An undeclared issue's commands are refused, so its "public" text stays private too.
            if (spec.declared) expect(output).toContain(text);
            else expect(output).not.toContain(text);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
