import { describe, expect, it } from "vitest";
import { render, templateVersion, withTemplateOverrides } from "../../../src/render/renderer.js";
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
  it("uses the override inside the scope only, and says which source is in force", () => {
    const overrides = checkTemplateOverrides([
      { name: "command-reply.md.hbs", text: "{{marker}}\n✅ {{first}}" },
    ]);
    const { result, problems } = withTemplateOverrides(overrides, () => [
      render("command-reply", view),
      templateVersion("command-reply"),
    ]);
    expect(result).toEqual([`${view.marker}\n✅ Done.\n`, expect.stringMatching(/^[0-9a-f]{8}$/)]);
    expect(problems).toEqual([]);
    expect(render("command-reply", view)).toBe(`${view.marker}\nDone.\n`);
    expect(templateVersion("command-reply")).toBe("built-in");
  });

  it("falls back to the built-in template when an override uses a field it is not given", () => {
    const overrides = checkTemplateOverrides([{ name: "command-reply.md.hbs", text: "{{marker}} {{who}}" }]);
    const { result, problems } = withTemplateOverrides(overrides, () => render("command-reply", view));
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
    const { result, problems } = withTemplateOverrides(overrides, () => render("command-reply", view));
    expect(result).toBe(`${view.marker}\nDone.\n`);
    expect(problems[0]?.message).toBe(
      "leaves out `{{marker}}`, the hidden marker the app finds its own comments by",
    );
  });

  it("renders the built-in templates when the repo has none", () => {
    const { result, problems } = withTemplateOverrides(NO_TEMPLATE_OVERRIDES, () =>
      render("command-reply", view),
    );
    expect(result).toBe(`${view.marker}\nDone.\n`);
    expect(problems).toEqual([]);
  });
});
