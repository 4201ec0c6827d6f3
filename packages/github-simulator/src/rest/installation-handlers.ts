import { SimError } from "../store/sim-error.js";
import { installationShape } from "./account-shapes.js";
import { repoShape } from "./repo-shapes.js";
import { paginated } from "./rest-helpers.js";
import type { RestHandler } from "./rest-types.js";

/** What a server-side app lists on its own: its installations (JWT), an installation's repositories (token). */
export const installationHandlers: Record<string, RestHandler> = {
  "apps/list-installations": (req) => {
    if (req.caller.kind !== "app")
      throw new SimError("UNAUTHORIZED", "A JSON web token could not be decoded");
    // The spec describes this list's `account` as simple user *and* enterprise (allOf): add the
    // enterprise fields so the response passes it, as the rest of the simulator's responses do.
    return paginated(req, req.ctx.store.state.installations, (installation) => {
      const shape = installationShape(req.ctx, installation);
      const account = req.ctx.store.requireAccount(installation.account);
      return {
        ...shape,
        account: {
          ...(shape.account as object),
          name: account.name ?? account.login,
          slug: account.login.toLowerCase(),
          created_at: account.createdAt,
          updated_at: account.createdAt,
        },
      };
    });
  },

  "apps/get-repo-installation": (req) => {
    if (req.caller.kind !== "app")
      throw new SimError("UNAUTHORIZED", "A JSON web token could not be decoded");
    const repo = req.ctx.store.findRepo(req.params.owner ?? "", req.params.repo ?? "");
    const installation = repo ? req.ctx.store.installationFor(repo) : null;
    if (!installation) throw new SimError("NOT_FOUND", "Not Found");
    const shape = installationShape(req.ctx, installation) as Record<string, unknown>;
    return { status: 200, body: shape };
  },

  "apps/list-repos-accessible-to-installation": (req) => {
    const installation = req.caller.installationId
      ? req.ctx.store.installationById(req.caller.installationId)
      : null;
    if (!installation) throw new SimError("FORBIDDEN", "This endpoint requires an installation token");
    const repos = installation.repoIds.map((id) =>
      repoShape(req.ctx, req.ctx.store.repoById(id), { full: true }),
    );
    const page = paginated(req, repos);
    return {
      ...page,
      body: { total_count: repos.length, repository_selection: "selected", repositories: page.body },
    };
  },
};
