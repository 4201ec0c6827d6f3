import type {
  ProjectAccess,
  ProjectFieldType,
  ProjectV2,
  ProjectV2Field,
  ProjectV2Item,
} from "./project-model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

/** Creating boards (for tests and the demo), and the app's writes to them, with GitHub's checks. */
export interface NewProject {
  title: string;
  fields: Array<{ name: string; dataType: ProjectFieldType; options?: string[] }>;
}

export function createProject(store: SimStore, org: string, input: NewProject): ProjectV2 {
  const owner = store.requireAccount(org);
  const now = store.now();
  const id = store.nextId();
  const number =
    store.state.projects.filter((p) => p.owner.toLowerCase() === owner.login.toLowerCase()).length + 1;
  const fields: ProjectV2Field[] = input.fields.map((field) => {
    const fieldId = store.nextId();
    return {
      id: fieldId,
      nodeId: `PVTF_${fieldId}`,
      name: field.name,
      dataType: field.dataType,
      options: (field.options ?? []).map((name, index) => ({ id: `${fieldId.toString(16)}${index}`, name })),
      createdAt: now,
    };
  });
  const project: ProjectV2 = {
    id,
    nodeId: `PVT_${id}`,
    owner: owner.login,
    number,
    title: input.title,
    closed: false,
    createdAt: now,
    updatedAt: now,
    fields,
    items: [],
  };
  store.state.projects.push(project);
  store.register(project.nodeId, { kind: "project", project });
  return project;
}

/** The app's "Organization projects" permission in `org` (write unless set). */
export function setAppProjectAccess(store: SimStore, org: string, access: ProjectAccess): void {
  const membership = store.state.orgs[org.toLowerCase()];
  if (!membership) throw new Error(`simulator: no organisation ${org}`);
  membership.appProjects = access;
}

/** The app's access comes from its permission; people's from org membership (members write). */
export function projectAccess(store: SimStore, viewer: string, project: ProjectV2): ProjectAccess {
  const account = store.account(viewer);
  const org = store.state.orgs[project.owner.toLowerCase()];
  if (!account || !org) return "none";
  if (account.type === "Bot") {
    const installed = store.state.installations.some(
      (i) => i.account.toLowerCase() === project.owner.toLowerCase(),
    );
    return account.login === store.botLogin && installed ? (org.appProjects ?? "write") : "none";
  }
  const l = viewer.toLowerCase();
  return [...org.members, ...org.owners].some((m) => m.toLowerCase() === l) ? "write" : "none";
}

export function requireProjectAccess(
  store: SimStore,
  viewer: string,
  project: ProjectV2,
  needed: "read" | "write",
): void {
  const access = projectAccess(store, viewer, project);
  if (access === "write" || (needed === "read" && access === "read")) return;
  throw new SimError("FORBIDDEN", "Resource not accessible by integration");
}

/** Like GitHub: adding content that is already on the board returns the existing item. */
export function addProjectItem(
  store: SimStore,
  actor: string,
  project: ProjectV2,
  contentNodeId: string,
): ProjectV2Item {
  const existing = project.items.find((item) => item.contentNodeId === contentNodeId);
  if (existing) return existing;
  const id = store.nextId();
  const now = store.now();
  const item: ProjectV2Item = {
    id,
    nodeId: `PVTI_${id}`,
    contentNodeId,
    creator: actor,
    createdAt: now,
    updatedAt: now,
    values: {},
  };
  project.items.push(item);
  project.updatedAt = now;
  store.register(item.nodeId, { kind: "project-item", project, item });
  return item;
}

export type FieldValueInput = {
  date?: string;
  singleSelectOptionId?: string;
  text?: string;
  number?: number;
};

export function setProjectFieldValue(
  store: SimStore,
  project: ProjectV2,
  item: ProjectV2Item,
  field: ProjectV2Field,
  value: FieldValueInput | null,
): void {
  if (value === null) delete item.values[field.nodeId];
  else if (field.dataType === "DATE") {
    if (!value.date || !/^\d{4}-\d{2}-\d{2}/.test(value.date))
      throw new SimError("UNPROCESSABLE", `The field ${field.name} takes a date`);
    item.values[field.nodeId] = { date: value.date.slice(0, 10) };
  } else if (field.dataType === "SINGLE_SELECT") {
    const option = field.options.find((o) => o.id === value.singleSelectOptionId);
    if (!option)
      throw new SimError("UNPROCESSABLE", `The single select option Id does not belong to the field`);
    item.values[field.nodeId] = { optionId: option.id };
  } else if (field.dataType === "TEXT") {
    if (value.text === undefined) throw new SimError("UNPROCESSABLE", `The field ${field.name} takes text`);
    item.values[field.nodeId] = { text: value.text };
  } else {
    if (value.number === undefined)
      throw new SimError("UNPROCESSABLE", `The field ${field.name} takes a number`);
    item.values[field.nodeId] = { number: value.number };
  }
  item.updatedAt = store.now();
  project.updatedAt = item.updatedAt;
}

export interface BoardRow {
  issue: number;
  values: Record<string, string>;
}

/** The board's items as people see them: the issue number and each field's value by field name. */
export function boardRows(store: SimStore, org: string, number: number): BoardRow[] {
  const project = store.state.projects.find(
    (p) => p.owner.toLowerCase() === org.toLowerCase() && p.number === number,
  );
  if (!project) throw new Error(`simulator: no project ${org}#${number}`);
  return project.items.map((item) => {
    const target = store.resolveNode(item.contentNodeId);
    const values: Record<string, string> = {};
    for (const field of project.fields) {
      const value = item.values[field.nodeId];
      if (!value) continue;
      values[field.name] =
        value.date ??
        field.options.find((o) => o.id === value.optionId)?.name ??
        value.text ??
        String(value.number);
    }
    return { issue: target?.kind === "issue" ? target.issue.number : 0, values };
  });
}
