/**
 * The project board as the app reads it (§8): an organisation's Projects v2 board
 * with its fields, and the item an issue has on it with the values it holds.
 */
export interface ProjectFieldFacts {
  id: string;
  name: string;
  /** `DATE`, `SINGLE_SELECT`, `TEXT`, … */
  dataType: string;
  options: Array<{ id: string; name: string }>;
}

export interface ProjectFacts {
  id: string;
  title: string;
  url: string;
  fields: ProjectFieldFacts[];
}

/** Values by field id: a date (`YYYY-MM-DD`) or a single-select option id. */
export interface ProjectItemFacts {
  id: string;
  projectId: string;
  values: Record<string, { date?: string; optionId?: string }>;
}

export type ProjectRead =
  | { kind: "off" }
  | { kind: "found"; project: ProjectFacts }
  | { kind: "missing" }
  | { kind: "forbidden"; message: string };

export interface BoardProblem {
  /** Stable for the same problem and configuration: the notice is posted once per incident. */
  key: string;
  lines: string[];
}
