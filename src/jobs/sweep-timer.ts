import type { Probot } from "probot";
import { botLoginResolver } from "../github/bot-login.js";
import { readFormTemplate } from "../pipelines/app-deps.js";
import type { OutsideDeps } from "../pipelines/converge-incident.js";
import { localSlots } from "./installation-slots.js";
import { startLocalQueue } from "./local-queue.js";
import { localRateBudget } from "./rate-budget.js";

/**
 * The sweep in one process (§10): every `intervalMs`, for every installation, every
 * repository with open issues (incidents, action items, a PIR pull request) is swept
 * with the same code as the CLI, as jobs of the in-process queue (`src/jobs/`). A run
 * still going when the next is due is not doubled. Returns a function that stops the timer.
 */
export interface SweepTimerOptions {
  intervalMs: number;
  clock?: () => Date;
  /** Repositories swept at once (default 4), and at once per installation (default 2). */
  concurrency?: number;
  perInstallation?: number;
  /** Called after each run (tests, metrics). */
  onRun?: (summary: { repos: number; actions: number; failed: number }) => void;
  /** Chat, paging and the status page, shared with the webhook handlers. */
  outside?: OutsideDeps;
}

export function startSweepTimer(probot: Probot, options: SweepTimerOptions): () => void {
  const queue = startLocalQueue(
    {
      probot,
      clock: options.clock ?? (() => new Date()),
      botLogin: botLoginResolver(probot),
      formTemplate: readFormTemplate(),
      slots: localSlots(options.perInstallation ?? 2),
      budget: localRateBudget(),
      log: probot.log,
      busyWaitMs: 250,
      ...(options.outside ? { outside: options.outside } : {}),
    },
    {
      intervalMs: options.intervalMs,
      concurrency: options.concurrency ?? 4,
      log: probot.log,
      ...(options.onRun ? { onRun: options.onRun } : {}),
    },
  );
  return () => void queue.stop();
}
