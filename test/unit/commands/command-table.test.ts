import { describe, expect, it } from "vitest";
import { COMMANDS, findCommand, renderCommandReference } from "../../../src/commands/index.js";
import { kindsIn } from "./context.js";

describe("the command table", () => {
  it("has unique names and aliases", () => {
    const words = COMMANDS.flatMap((command) => [command.name, ...command.aliases]);
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word).toMatch(/^[a-z][a-z-]*$/);
  });

  it("marks the commands whose effects come later", () => {
    expect(COMMANDS.filter((command) => !command.available).map((command) => command.name)).toEqual([]);
  });

  it("finds commands by name or alias, any case", () => {
    expect(findCommand("sev")?.name).toBe("severity");
    expect(findCommand("SEVERITY")?.name).toBe("severity");
    expect(findCommand("acknowledge")?.name).toBe("ack");
    expect(findCommand("nope")).toBeUndefined();
  });

  it.each(COMMANDS.map((command) => [command.name, command.example]))(
    "the example of /%s parses",
    (_name, example) => {
      expect(kindsIn(example)).toHaveLength(1);
      expect(kindsIn(example)[0]).not.toMatch(/^error/);
    },
  );

  it.each(COMMANDS.flatMap((command) => command.aliases.map((alias) => [alias, command.name])))(
    "/%s is /%s",
    (alias, name) => {
      const example = findCommand(name)?.example ?? "";
      expect(kindsIn(example.replace(`/${name}`, `/${alias}`))).toEqual(kindsIn(example));
    },
  );

  it("every line starts with a slash and every syntax names its command", () => {
    for (const command of COMMANDS) {
      expect(command.syntax.startsWith(`/${command.name}`)).toBe(true);
      expect(command.example.startsWith(`/${command.name}`)).toBe(true);
      expect(command.description).not.toMatch(/@\w/);
    }
  });

  it("renders the reference as a Markdown table", () => {
    const reference = renderCommandReference();
    const rows = reference.split("\n");
    expect(rows).toHaveLength(COMMANDS.length + 2);
    expect(rows.slice(0, 3)).toEqual([
      "| Command | Aliases | What it does | Category |",
      "|---|---|---|---|",
      "| `/declare [sev] [title]` | – | Declare this issue an incident. | Incident |",
    ]);
    expect(reference).toContain(
      "| `/severity <sev> [reason]` | `/sev` | Change severity; text after it is the reason. |",
    );
    expect(reference).toContain(
      "| `/freeze [on\\|off]` | – | Turn the merge freeze on (default) or off. | Code |",
    );
    // every row has the same four columns, pipes in syntax escaped
    for (const row of rows) expect(row.replaceAll("\\|", "").split("|")).toHaveLength(6);
  });
});
