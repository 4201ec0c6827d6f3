import { APP_PERMISSIONS } from "../sim-context.js";
import { notFound, SimError } from "../store/sim-error.js";
import { integrationShape, publicUserShape } from "./account-shapes.js";
import { repoShape } from "./repo-shapes.js";
import { repoFor } from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

function requireAppJwt(req: RestRequest): void {
  if (req.caller.kind !== "app") {
    throw new SimError("UNAUTHORIZED", "A JSON web token could not be decoded");
  }
}

export const repoHandlers: Record<string, RestHandler> = {
  "apps/get-authenticated": (req) => {
    requireAppJwt(req);
    return { status: 200, body: integrationShape(req.ctx) };
  },

  "apps/create-installation-access-token": (req) => {
    requireAppJwt(req);
    const installation = req.ctx.store.installationById(Number(req.params.installation_id));
    if (!installation) throw notFound();
    const token = req.ctx.tokens.issue(installation.id);
    const repositories = installation.repoIds.map((id) => repoShape(req.ctx, req.ctx.store.repoById(id)));
    return {
      status: 201,
      body: {
        token,
        // Real time, not the simulated clock: Probot caches the token by its expiry.
        expires_at: `${new Date(Date.now() + 3600_000).toISOString().slice(0, 19)}Z`,
        permissions: { ...APP_PERMISSIONS },
        repository_selection: "selected",
        repositories,
      },
    };
  },

  "repos/get": (req) => ({
    status: 200,
    body: repoShape(req.ctx, repoFor(req), { full: true, viewer: req.caller.login }),
  }),

  "users/get-by-username": (req) => {
    const account = req.ctx.store.account(req.params.username ?? "");
    if (!account) throw notFound();
    return { status: 200, body: publicUserShape(req.ctx, account) };
  },
};
