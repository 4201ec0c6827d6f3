import type { Caller } from "../rest/rest-types.js";
import type { SimContext } from "../sim-context.js";
import { USER_TOKEN_PREFIX } from "./tokens.js";

/**
 * Who a request acts as, from its `Authorization` header (`token X` or `bearer X`):
 * an app JWT (three dot-separated parts, signature not checked), an installation token
 * (acts as the app's bot), or a person's `sim_user_<login>` token. Null: bad credentials.
 */
export function authenticate(ctx: SimContext, header: string | undefined): Caller | null {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header?.trim() ?? "");
  const credential = match?.[1];
  if (!credential) return null;
  if (credential.startsWith("ghs_")) {
    const installationId = ctx.tokens.installationFor(credential);
    if (installationId === null) return null;
    return { kind: "installation", login: ctx.store.botLogin, installationId };
  }
  if (credential.startsWith(USER_TOKEN_PREFIX)) {
    const account = ctx.store.account(credential.slice(USER_TOKEN_PREFIX.length));
    if (!account || account.type === "Organization") return null;
    return { kind: "user", login: account.login, installationId: null };
  }
  if (credential.split(".").length === 3) {
    return { kind: "app", login: `app:${ctx.app.slug}`, installationId: null };
  }
  return null;
}
