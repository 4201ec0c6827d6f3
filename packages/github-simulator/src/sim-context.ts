import type { TokenRegistry } from "./http/tokens.js";
import type { SimStore } from "./store/store.js";

export interface AppInfo {
  id: number;
  slug: string;
  name: string;
  /** The account that owns the app registration. */
  ownerLogin: string;
  createdAt: string;
}

/** What request handlers and payload builders share. `apiUrl` is known once the server listens. */
export interface SimContext {
  store: SimStore;
  tokens: TokenRegistry;
  app: AppInfo;
  apiUrl: string;
  htmlUrl: string;
}

/** The permissions the simulated app is granted on every installation. */
export const APP_PERMISSIONS: Record<string, "read" | "write"> = {
  checks: "write",
  contents: "write",
  deployments: "write",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
  organization_projects: "write",
};

/** The events the app subscribes to (its `app.yml`); GitHub sends it only these, and the installation events every app gets. */
export const APP_EVENTS = ["deployment_status", "issues", "issue_comment", "pull_request"];

/** Sent to every app whatever it subscribed to. */
export const ALWAYS_SENT = ["installation", "installation_repositories"];
