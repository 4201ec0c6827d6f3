/** The slash-command language (§5): parse comments, describe commands, explain errors. */

export {
  COMMANDS,
  type CommandCategory,
  type CommandName,
  type CommandSpec,
  findCommand,
  renderCommandReference,
} from "./command-table.js";
export { formatCommandError } from "./format-error.js";
export { MAX_COMMAND_LINE_LENGTH, MAX_COMMANDS_PER_COMMENT, parseComment } from "./parse-comment.js";
export { parseDueDate } from "./parse-date.js";
export { parseWhen } from "./parse-time.js";
export { suggestCommand } from "./suggest-command.js";
export type {
  Command,
  CommandError,
  CommandKind,
  Handle,
  ParseContext,
  ParsedLine,
  RoleName,
} from "./types.js";
