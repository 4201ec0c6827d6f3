import type { Probot } from "probot";
import { botLoginResolver } from "../github/bot-login.js";
import { reposToSweep } from "../github/installations.js";
import { readFormTemplate } from "./app-deps.js";
import type { OutsideDeps } from "./converge-incident.js";
import { runSweep } from "./run-sweep.js";

/**
 * The sweep in server mode (§10): every `intervalMs`, for every installation, every
 * repository with open issues (incidents, action items, a PIR pull request) is swept
 * with the same code as the CLI. A run still going when the next is due is not
 * doubled. Returns a function that stops the timer.
 */
export interface SweepTimerOptions {
  intervalMs: number;
  clock?: () => Date;
  /** Called after each run (tests, metrics). */
  onRun?: (summary: { repos: number; actions: number; failed: number }) => void;
  /** Chat and the status page, shared with the webhook handlers. */
  outside?: OutsideDeps;
}

export function startSweepTimer(probot: Probot, options: SweepTimerOptions): () => void {
  const clock = options.clock ?? (() => new Date());
  const botLogin = botLoginResolver(probot);
  const formTemplate = readFormTemplate();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    const summary = { repos: 0, actions: 0, failed: 0 };
    try {
      for await (const { octokit, repos: names } of reposToSweep(probot)) {
        for (const name of names) {
          try {
            const report = await runSweep({
              octokit,
              repos: [name],
              now: clock(),
              dryRun: false,
              botLogin: await botLogin(),
              formTemplate,
              log: probot.log.child({ sweep: name }),
              ...(options.outside ? { outside: options.outside } : {}),
            });
            summary.repos += 1;
            summary.actions += report.actions.length;
          } catch (error) {
            summary.failed += 1;
            probot.log.error({ err: error, repo: name }, "sweep failed for a repository");
          }
        }
      }
    } catch (error) {
      probot.log.error({ err: error }, "sweep could not list installations");
    } finally {
      running = false;
      options.onRun?.(summary);
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
