import type { Permission, Repo } from "./model.js";
import { SimError } from "./sim-error.js";
import type { SimStore } from "./store.js";

export type AuthorAssociation = "OWNER" | "MEMBER" | "COLLABORATOR" | "NONE";

const RANK: Record<Permission, number> = { read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

/**
 * What `login` may do in `repo`: the repo owner and org owners are admins, org members
 * and write collaborators write, the app's bot writes where it is installed, anyone
 * reads a public repository. `null`: cannot even see it.
 */
export function permissionOf(store: SimStore, login: string, repo: Repo): Permission | null {
  const account = store.account(login);
  if (!account) return null;
  if (account.type === "Bot") {
    if (account.login === store.botLogin && store.installationFor(repo)) return "write";
    // Another app installed on the repo (CI, say): seeded as a collaborator entry with its permission.
    const other = Object.entries(repo.collaborators).find(
      ([c]) => c.toLowerCase() === login.toLowerCase(),
    )?.[1];
    return other ?? (repo.private ? null : "read");
  }
  const l = login.toLowerCase();
  if (repo.owner.toLowerCase() === l) return "admin";
  const org = store.state.orgs[repo.owner.toLowerCase()];
  if (org?.owners.some((o) => o.toLowerCase() === l)) return "admin";
  let best: Permission | null = repo.private ? null : "read";
  const collab = Object.entries(repo.collaborators).find(([c]) => c.toLowerCase() === l)?.[1];
  if (collab && (!best || RANK[collab] > RANK[best])) best = collab;
  if (org?.members.some((m) => m.toLowerCase() === l) && (!best || RANK.write > RANK[best])) best = "write";
  return best;
}

export function hasPermission(store: SimStore, login: string, repo: Repo, needed: Permission): boolean {
  const p = permissionOf(store, login, repo);
  return p !== null && RANK[p] >= RANK[needed];
}

/** Hidden repositories answer 404, like GitHub. */
export function requireRead(store: SimStore, login: string, repo: Repo): void {
  if (!permissionOf(store, login, repo)) throw new SimError("NOT_FOUND", "Not Found");
}

export function requirePermission(store: SimStore, login: string, repo: Repo, needed: Permission): void {
  requireRead(store, login, repo);
  if (repo.archived && needed !== "read")
    throw new SimError("FORBIDDEN", "Repository was archived so is read-only.");
  if (hasPermission(store, login, repo, needed)) return;
  throw forbidden(store, login);
}

export function forbidden(store: SimStore, login: string): SimError {
  const bot = store.account(login)?.type === "Bot";
  return new SimError(
    "FORBIDDEN",
    bot ? "Resource not accessible by integration" : "Must have push access to this repository.",
  );
}

export function authorAssociation(store: SimStore, login: string, repo: Repo): AuthorAssociation {
  const account = store.account(login);
  if (account?.type !== "User") return "NONE";
  const l = login.toLowerCase();
  const org = store.state.orgs[repo.owner.toLowerCase()];
  if (repo.owner.toLowerCase() === l || org?.owners.some((o) => o.toLowerCase() === l)) return "OWNER";
  if (org?.members.some((m) => m.toLowerCase() === l)) return "MEMBER";
  if (Object.keys(repo.collaborators).some((c) => c.toLowerCase() === l)) return "COLLABORATOR";
  return "NONE";
}
