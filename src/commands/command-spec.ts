/**
 * The shape of one row of the command table, and the helper that writes a row.
 */

export type CommandCategory = "incident" | "code" | "action-item" | "general";

export interface CommandSpec<Name extends string = string> {
  /** Canonical name, typed after the `/`. */
  readonly name: Name;
  /** Other names that mean the same command. */
  readonly aliases: readonly string[];
  /** How to type it: `<required>`, `[optional]`, `a|b` for choices. */
  readonly syntax: string;
  /** One line saying what it does. */
  readonly description: string;
  /** A correct use, suggested in error replies. */
  readonly example: string;
  readonly category: CommandCategory;
  /** False while the command is parsed but its effect is not built yet. */
  readonly available: boolean;
}

/** One row; the name keeps its literal type so the table yields the union of names. */
export const spec = <const Name extends string>(
  name: Name,
  category: CommandCategory,
  syntax: string,
  description: string,
  example: string,
  options: { aliases?: readonly string[]; available?: boolean } = {},
): CommandSpec<Name> => ({
  name,
  category,
  syntax,
  description,
  example,
  aliases: options.aliases ?? [],
  available: options.available ?? true,
});
