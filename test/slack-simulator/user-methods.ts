import { fail, type MethodHandler, ok, text } from "./method-context.js";
import { userObject } from "./sim-state.js";

/** users.* and auth.test: who people are, and who the caller is. */

const lookupByEmail: MethodHandler = (context) => {
  const email = (text(context.args, "email") ?? "").toLowerCase();
  const user = [...context.state.users.values()].find((each) => each.email?.toLowerCase() === email);
  return user ? ok({ user: userObject(user, context.state.team.id) }) : fail("users_not_found");
};

const info: MethodHandler = (context) => {
  const user = context.state.users.get(text(context.args, "user") ?? "");
  return user ? ok({ user: userObject(user, context.state.team.id) }) : fail("user_not_found");
};

const authTest: MethodHandler = (context) => {
  const { team } = context.state;
  const user = context.state.users.get(context.caller.userId);
  return ok({
    url: `https://${team.domain}.slack.com/`,
    team: team.name,
    user: user?.name ?? context.caller.userId,
    team_id: team.id,
    user_id: context.caller.userId,
    ...(context.caller.botId ? { bot_id: context.caller.botId } : {}),
    is_enterprise_install: false,
  });
};

export const userMethods: Record<string, MethodHandler> = {
  "users.lookupByEmail": lookupByEmail,
  "users.info": info,
  "auth.test": authTest,
};
