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
  deployments: "read",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
  organization_projects: "write",
};

export const APP_EVENTS = ["deployment_status", "issues", "issue_comment", "label", "pull_request"];
