import { runActionsEvent } from "./actions/run-event.js";

/**
 * `node dist/src/actions-entry.js` in a GitHub Actions job: handles the event that
 * started the job and exits non-zero when that failed, so the run shows red.
 */
try {
  await runActionsEvent({ env: process.env });
} catch (error) {
  const errors = error instanceof AggregateError ? error.errors : [error];
  for (const each of errors) {
    // Messages only: request errors carry headers and bodies that do not belong in a public log.
    const message = each instanceof Error ? each.message : String(each);
    console.log(`::error title=incident app::${message.replace(/\r?\n/g, " ")}`);
  }
  process.exitCode = 1;
}
