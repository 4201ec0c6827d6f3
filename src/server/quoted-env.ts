/**
 * `docker run --env-file .env` passes values literally, so the quotes Probot's
 * setup writes around PRIVATE_KEY in `.env` reach the app and the key no longer
 * parses ("DECODER routines::unsupported"). Values wrapped in one pair of matching
 * quotes are unwrapped before Probot reads them.
 */
const QUOTED_SETTINGS = ["PRIVATE_KEY", "WEBHOOK_SECRET", "APP_ID"] as const;

export function unquoteSettings(env: NodeJS.ProcessEnv): void {
  for (const name of QUOTED_SETTINGS) {
    const value = env[name];
    if (value && value.length >= 2 && /^(["']).*\1$/s.test(value)) env[name] = value.slice(1, -1);
  }
}
