/**
 * Organisation Projects v2 boards: fields (dates, single selects with options, text)
 * and items, each an issue with the values set on it. Plain JSON, like the rest of
 * the state.
 */
export type ProjectFieldType = "DATE" | "SINGLE_SELECT" | "TEXT" | "NUMBER";

export interface ProjectV2Option {
  id: string;
  name: string;
}

export interface ProjectV2Field {
  id: number;
  nodeId: string;
  name: string;
  dataType: ProjectFieldType;
  options: ProjectV2Option[];
  createdAt: string;
}

/** A value per field node id. */
export type ProjectV2Values = Record<
  string,
  { date?: string; optionId?: string; text?: string; number?: number }
>;

export interface ProjectV2Item {
  id: number;
  nodeId: string;
  /** Node id of the issue it shows. */
  contentNodeId: string;
  creator: string;
  createdAt: string;
  updatedAt: string;
  values: ProjectV2Values;
}

export interface ProjectV2 {
  id: number;
  nodeId: string;
  /** Organisation login. */
  owner: string;
  number: number;
  title: string;
  closed: boolean;
  createdAt: string;
  updatedAt: string;
  fields: ProjectV2Field[];
  items: ProjectV2Item[];
}

/** What installations of the app may do with an organisation's projects (GitHub's permission). */
export type ProjectAccess = "none" | "read" | "write";
