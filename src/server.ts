import { run } from "probot";
import { createApp } from "./app.js";
import { createAppOctokit } from "./github/app-octokit.js";

/**
 * `npm start`: Probot's server (webhook endpoint, health check) with the app's
 * Octokit settings: careful retries, throttling shared through Redis when
 * `REDIS_URL` is set.
 */
await run(createApp(), { Octokit: createAppOctokit() });
