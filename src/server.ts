import { run } from "probot";
import { createAppOctokit } from "./github/app-octokit.js";
import { unquoteSettings } from "./server/quoted-env.js";
import { serverApp } from "./server/server-app.js";

/**
 * `npm start`. With APP_ID and a private key it serves the webhooks, `GET /healthz`
 * and the sweep timer; without them (outside production) Probot's setup page
 * registers a new GitHub App from `app.yml` and writes its credentials to `.env`.
 */
unquoteSettings(process.env);
let server: Awaited<ReturnType<typeof run>>;
try {
  // The app's Octokit: careful retries, throttling shared through Redis when REDIS_URL is set.
  server = await run(serverApp(), { Octokit: createAppOctokit() });
} catch (error) {
  // A missing or wrong setting: one line that says which, not a stack trace.
  console.error(`incident app did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// `docker stop` sends SIGTERM, and Node as PID 1 ignores it unless told: stop taking
// webhooks, let the ones in flight finish, then exit.
process.once("SIGTERM", () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
