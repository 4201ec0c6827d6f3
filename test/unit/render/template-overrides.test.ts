import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES, templatesWith } from "../../../src/render/renderer.js";
import { checkTemplateOverrides, NO_TEMPLATE_OVERRIDES } from "../../../src/render/template-overrides.js";

const view = {
  marker: "<!-- incident-app:reply key=k -->",
  single: true,
  first: "Done.",
  intro: "",
  lines: [],
  footer: null,
};

describe("checking a repo's override folder", () => {
  it("keeps templates that compile and reports the rest, one problem per file", () => {
    const checked = checkTemplateOverrides([
      { name: "command-reply.md.hbs", text: "{{marker}}\n✅ {{first}}" },
      { name: "update.md.hbs", text: "{{marker}}\n{{#if text}}open" },
      { name: "timeline.md.hbs", text: "{{#each rows}}{{/if}}" },
      { name: "postmortem.md.hbs", text: "{{marker}}" },
      { name: "config-error.md.hbs", text: "{{marker}}" },
      { name: "help.md.hbs", text: null },
      { name: "README.md", text: "notes" },
    ]);
    expect(Object.keys(checked.sources)).toEqual(["command-reply"]);
    expect(checked.problems).toEqual([
      {
        file: ".github/incident-templates/config-error.md.hbs",
        message: "cannot be overridden: configuration errors are always reported with the built-in template",
      },
      {
        file: ".github/incident-templates/help.md.hbs",
        message: "must be a text file under 60000 characters",
      },
      {
        file: ".github/incident-templates/postmortem.md.hbs",
        message: expect.stringMatching(
          /^is not a template the app renders \(it renders `declaration\.md\.hbs`, /,
        ),
      },
      {
        file: ".github/incident-templates/timeline.md.hbs",
        message: "does not compile (line 1): `{{/if}}` closes `{{#each}}`",
      },
      {
        file: ".github/incident-templates/update.md.hbs",
        message: expect.stringMatching(/^does not compile \(line 2\): Expecting /),
      },
    ]);
  });
});

describe("rendering with overrides", () => {
  it("uses the override only in the templates made with it, and says which source is in force", () => {
    const overrides = checkTemplateOverrides([
      { name: "command-reply.md.hbs", text: "{{marker}}\n✅ {{first}}" },
    ]);
    const templates = templatesWith(overrides);
    expect(templates.render("command-reply", view)).toBe(`${view.marker}\n✅ Done.\n`);
    expect(templates.version("command-reply")).toMatch(/^[0-9a-f]{8}$/);
    expect(templates.problems).toEqual([]);
    expect(BUILT_IN_TEMPLATES.render("command-reply", view)).toBe(`${view.marker}\nDone.\n`);
    expect(BUILT_IN_TEMPLATES.version("command-reply")).toBe("built-in");
    expect(templatesWith(NO_TEMPLATE_OVERRIDES).version("command-reply")).toBe("built-in");
  });

  it("falls back to the built-in template when an override uses a field it is not given", () => {
    const overrides = checkTemplateOverrides([{ name: "command-reply.md.hbs", text: "{{marker}} {{who}}" }]);
    const templates = templatesWith(overrides);
    const result = templates.render("command-reply", view);
    const problems = templates.problems;
    expect(result).toBe(`${view.marker}\nDone.\n`);
    expect(problems).toEqual([
      {
        file: ".github/incident-templates/command-reply.md.hbs",
        message:
          "uses `who` (line 1), which this template is not given; it is given `marker`, `single`, `first`, `intro`, `lines`, `footer`",
      },
    ]);
  });

  it("falls back when an override drops the marker the app finds its comments by", () => {
    const overrides = checkTemplateOverrides([{ name: "command-reply.md.hbs", text: "{{first}}" }]);
    const templates = templatesWith(overrides);
    const result = templates.render("command-reply", view);
    const problems = templates.problems;
    expect(result).toBe(`${view.marker}\nDone.\n`);
    expect(problems[0]?.message).toBe(
      "leaves out `{{marker}}`, the hidden marker the app finds its own comments by",
    );
  });

  it("renders the built-in templates when the repo has none", () => {
    const templates = templatesWith(NO_TEMPLATE_OVERRIDES);
    const result = templates.render("command-reply", view);
    const problems = templates.problems;
    expect(result).toBe(`${view.marker}\nDone.\n`);
    expect(problems).toEqual([]);
  });
});
