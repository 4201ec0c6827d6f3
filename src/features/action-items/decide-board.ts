import { createHash } from "node:crypto";
import type { Config } from "../../config/schema.js";
import type { ActionItemFields } from "../../kernel/action-item-body.js";
import type { Plan, ProjectFieldValue } from "../../kernel/plan.js";
import { refToken } from "../../kernel/plan.js";
import { inline } from "../../render/markdown.js";
import { actionItemWords } from "./action-item-words.js";
import type {
  BoardProblem,
  ProjectFacts,
  ProjectFieldFacts,
  ProjectItemFacts,
  ProjectRead,
} from "./board-facts.js";

/**
 * The board writes for one action item (§8): add it to the project if it is not on
 * it, and set Due, Priority and Status where they differ. A missing project, field or
 * option is a problem to tell people once, never a reason to fail or retry.
 */
export interface BoardInput {
  config: Config;
  read: ProjectRead;
  itemId: string;
  open: boolean;
  fields: ActionItemFields;
  projectItems: ProjectItemFacts[];
}

export interface BoardDecision {
  plan: Plan;
  problem: BoardProblem | null;
}

const ITEM_REF = "board-item";

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

function findOption(field: ProjectFieldFacts, wanted: string) {
  const exact = field.options.find((option) => normalise(option.name) === normalise(wanted));
  return exact ?? field.options.find((option) => normalise(option.name).startsWith(normalise(wanted)));
}

export function boardProblem(config: Config, lines: string[]): BoardProblem {
  const where = JSON.stringify(config.project ?? null);
  const key = createHash("sha1")
    .update(`${where}\n${lines.join("\n")}`)
    .digest("hex")
    .slice(0, 10);
  return { key, lines };
}

export function decideBoard(input: BoardInput): BoardDecision {
  const { config, read } = input;
  const settings = config.project;
  if (!settings || read.kind === "off") return { plan: [], problem: null };
  const name = `\`${settings.owner}\` project number ${settings.number}`;
  if (read.kind === "missing")
    return {
      plan: [],
      problem: boardProblem(config, [actionItemWords.noProject(name)]),
    };
  if (read.kind === "forbidden")
    return {
      plan: [],
      problem: boardProblem(config, [actionItemWords.projectForbidden(name, read.message)]),
    };
  const { values, problems } = wantedValues(read.project, input, settings);
  const current = input.projectItems.find((item) => item.projectId === read.project.id);
  const plan: Plan = [];
  if (!current) {
    plan.push({
      kind: "add-project-item",
      ref: ITEM_REF,
      projectId: read.project.id,
      contentId: input.itemId,
    });
    const set = values.filter((value) => !("clear" in value));
    if (set.length)
      plan.push({
        kind: "set-project-fields",
        projectId: read.project.id,
        itemId: refToken(ITEM_REF, "id"),
        values: set,
      });
  } else {
    const changed = values.filter((value) => {
      const held = current.values[value.fieldId];
      if ("date" in value) return held?.date !== value.date;
      if ("optionId" in value) return held?.optionId !== value.optionId;
      return held?.date !== undefined || held?.optionId !== undefined;
    });
    if (changed.length)
      plan.push({
        kind: "set-project-fields",
        projectId: read.project.id,
        itemId: current.id,
        values: changed,
      });
  }
  return { plan, problem: problems.length ? boardProblem(config, problems) : null };
}

type Settings = NonNullable<Config["project"]>;

function wantedValues(project: ProjectFacts, input: BoardInput, settings: Settings) {
  const values: ProjectFieldValue[] = [];
  const problems: string[] = [];
  const title = inline(project.title, 100);
  const code = (text: string) => `\`${inline(text, 60).replace(/`/g, "'")}\``;
  const field = (fieldName: string, dataType: string) => {
    const found = project.fields.find((f) => f.name.toLowerCase() === fieldName.toLowerCase());
    if (!found) problems.push(actionItemWords.noField(title, code(fieldName)));
    else if (found.dataType !== dataType) {
      problems.push(actionItemWords.wrongFieldType(code(found.name), title, found.dataType, dataType));
      return null;
    }
    return found ?? null;
  };
  const option = (select: ProjectFieldFacts, wanted: string) => {
    const found = findOption(select, wanted);
    if (!found) problems.push(actionItemWords.noOption(code(select.name), title, code(wanted)));
    return found ?? null;
  };

  const due = field(settings.fields.due, "DATE");
  if (due)
    values.push(
      input.fields.due
        ? { fieldId: due.id, field: due.name, date: input.fields.due }
        : { fieldId: due.id, field: due.name, clear: true },
    );
  const priority = field(settings.fields.priority, "SINGLE_SELECT");
  if (priority && input.fields.priority) {
    const chosen = option(priority, input.fields.priority);
    if (chosen)
      values.push({ fieldId: priority.id, field: priority.name, optionId: chosen.id, option: chosen.name });
  }
  const status = field(settings.fields.status, "SINGLE_SELECT");
  if (status) {
    const chosen = option(status, input.open ? settings.status.open : settings.status.done);
    if (chosen)
      values.push({ fieldId: status.id, field: status.name, optionId: chosen.id, option: chosen.name });
  }
  return { values, problems };
}
