import type { SimContext } from "../sim-context.js";
import type { Account } from "../store/model.js";
import type { View } from "./gql-types.js";

/**
 * A User, Bot or Organization. As on GitHub, a bot's GraphQL `login` is the app slug
 * without the `[bot]` suffix that REST and webhooks show.
 */
export function accountView(sim: SimContext, account: Account): View {
  const login = account.type === "Bot" ? account.login.replace(/\[bot\]$/, "") : account.login;
  const path = account.type === "Bot" ? `/apps/${login}` : `/${login}`;
  return {
    __typename: account.type,
    id: account.nodeId,
    databaseId: account.id,
    login,
    name: account.name,
    url: `${sim.htmlUrl}${path}`,
    resourcePath: path,
    avatarUrl: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
    createdAt: account.createdAt,
    updatedAt: account.createdAt,
  };
}

export function accountViewByLogin(sim: SimContext, login: string): View | null {
  const account = sim.store.account(login);
  return account ? accountView(sim, account) : null;
}
