import { BackgroundWork } from "../background-work.js";

/** What chat delivery takes from outside: HTTP, waiting, the environment, and where it runs. */
export interface ChatDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Read at delivery time, so a rotated secret is picked up without a restart. */
  env: () => Readonly<Record<string, string | undefined>>;
  background: BackgroundWork;
}

export function defaultChatDeps(): ChatDeps {
  return {
    fetch: (input, init) => fetch(input, init),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    env: () => process.env,
    background: new BackgroundWork(),
  };
}
