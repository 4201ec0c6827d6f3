import { requirePermission } from "./access.js";
import type { Label, Repo } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

export interface LabelInput {
  name: string;
  color?: string;
  description?: string | null;
}

function normaliseColor(color: string | undefined): string {
  const c = (color ?? "ededed").replace(/^#/, "").toLowerCase();
  if (!/^[0-9a-f]{6}$/.test(c)) {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      { resource: "Label", code: "invalid", field: "color", value: color },
    ]);
  }
  return c;
}

/** Creates a label; `silent` skips the permission check (labels made implicitly by labelling). */
export function createLabel(
  store: SimStore,
  actor: string,
  repo: Repo,
  input: LabelInput,
  silent = false,
): Label {
  if (!silent) requirePermission(store, actor, repo, "write");
  if (store.findLabel(repo, input.name)) {
    throw new SimError("UNPROCESSABLE", "Validation Failed", [
      { resource: "Label", code: "already_exists", field: "name" },
    ]);
  }
  const id = store.nextId();
  const now = store.now();
  const label: Label = {
    id,
    nodeId: `LA_${id}`,
    repoId: repo.id,
    name: input.name,
    color: normaliseColor(input.color),
    description: input.description ?? null,
    createdAt: now,
    updatedAt: now,
  };
  repo.labels.push(label);
  store.register(label.nodeId, { kind: "label", repo, label });
  store.emit({ type: "label.created", repo, label, actor });
  return label;
}

/** The label named `name`, created with GitHub's default colour when missing (as labelling does). */
export function ensureLabel(store: SimStore, actor: string, repo: Repo, name: string): Label {
  return store.findLabel(repo, name) ?? createLabel(store, actor, repo, { name }, true);
}

export function updateLabel(
  store: SimStore,
  actor: string,
  repo: Repo,
  label: Label,
  patch: { newName?: string; color?: string; description?: string | null },
): Label {
  requirePermission(store, actor, repo, "write");
  const changes: {
    name?: { from: string };
    color?: { from: string };
    description?: { from: string | null };
  } = {};
  if (patch.newName !== undefined && patch.newName !== label.name) {
    const clash = store.findLabel(repo, patch.newName);
    if (clash && clash.id !== label.id) {
      throw new SimError("UNPROCESSABLE", "Validation Failed", [
        { resource: "Label", code: "already_exists", field: "name" },
      ]);
    }
    changes.name = { from: label.name };
    label.name = patch.newName;
  }
  if (patch.color !== undefined) {
    const color = normaliseColor(patch.color);
    if (color !== label.color) {
      changes.color = { from: label.color };
      label.color = color;
    }
  }
  if (patch.description !== undefined && patch.description !== label.description) {
    changes.description = { from: label.description };
    label.description = patch.description;
  }
  if (Object.keys(changes).length > 0) {
    label.updatedAt = store.now();
    store.emit({ type: "label.edited", repo, label, actor, changes });
  }
  return label;
}
