import { Octokit } from "@octokit/rest";
import type { Simulator } from "./simulator.js";

/**
 * An Octokit with an installation token of the app's first installation: acts as the
 * app's bot, as the app would (the JWT is not checked, so any one will do).
 */
export async function botOctokit(sim: Simulator): Promise<Octokit> {
  const installationId = (sim.snapshot() as { installations: { id: number }[] }).installations[0]?.id;
  const res = await fetch(`${sim.url}/app/installations/${installationId}/access_tokens`, {
    method: "POST",
    headers: {
      accept: "application/vnd.github+json",
      authorization: "token header.payload.signature",
      "content-type": "application/json",
    },
    body: JSON.stringify({}),
  });
  const { token } = (await res.json()) as { token: string };
  return new Octokit({ auth: token, baseUrl: sim.url });
}
