import { notFound, SimError } from "../store/sim-error.js";
import { installationShape } from "./account-shapes.js";
import { repoFor } from "./rest-helpers.js";
import type { RestHandler, RestRequest } from "./rest-types.js";

/**
 * Whether someone may work on a repository, as an app asks GitHub before acting for
 * them (commands relayed from chat): 204 (yes) or 404 (no), as GitHub answers; and
 * the installation of a repository.
 */

function requireAppJwt(req: RestRequest): void {
  if (req.caller.kind !== "app") throw new SimError("UNAUTHORIZED", "A JSON web token could not be decoded");
}

const same = (a: string, b: string | undefined) => a.toLowerCase() === (b ?? "").toLowerCase();

export const collaboratorHandlers: Record<string, RestHandler> = {
  "repos/check-collaborator": (req) => {
    const repo = repoFor(req);
    const login = req.params.username;
    const org = req.ctx.store.state.orgs[repo.owner.toLowerCase()];
    // GitHub counts organisation members with access through the organisation too.
    const collaborator =
      same(repo.owner, login) ||
      Object.keys(repo.collaborators).some((each) => same(each, login)) ||
      (org ? [...org.members, ...org.owners].some((each) => same(each, login)) : false);
    if (!collaborator) throw notFound();
    return { status: 204 };
  },

  "apps/get-repo-installation": (req) => {
    requireAppJwt(req);
    const repo = req.ctx.store.findRepo(req.params.owner ?? "", req.params.repo ?? "");
    const installation = repo ? req.ctx.store.installationFor(repo) : null;
    if (!installation) throw notFound();
    return { status: 200, body: installationShape(req.ctx, installation) };
  },
};
