import { randomUUID } from "node:crypto";
import { type ContentLimits, type ContentSpend, limitsFor } from "../features/alerts/content-budget.js";
import type { ContentBudget } from "./content-budget.js";

/**
 * One alert round's share of the account's content budget (§14): the pipeline asks
 * before each write that creates content, and when the round is done its reservations
 * are settled against what the content meter counted.
 */
export interface AlertContent {
  /** Reserves `cost`; false when it does not fit and the alert must be folded. */
  afford(cost: number, spend: ContentSpend): Promise<boolean>;
  /** Seconds until the last refused cost fits again. */
  retryAfterSeconds(): number;
}

export interface ContentAccount extends AlertContent {
  settle(actual: number): Promise<void>;
}

/** No budget (a test or a caller that counts elsewhere): everything fits. */
export const UNLIMITED_CONTENT: AlertContent = {
  afford: async () => true,
  retryAfterSeconds: () => 0,
};

export function contentAccount(
  budget: ContentBudget,
  account: string,
  limits: ContentLimits,
  clock: () => Date,
): ContentAccount {
  const taken: Array<{ id: string; cost: number }> = [];
  let retryAfter = 0;
  return {
    async afford(cost, spend) {
      if (cost <= 0) return true;
      const answer = await budget.reserve(account, cost, limitsFor(spend, limits), clock().getTime());
      if (answer.reserved) taken.push({ id: answer.id, cost });
      else retryAfter = answer.retryAfterSeconds;
      return answer.reserved;
    },
    retryAfterSeconds: () => retryAfter,
    async settle(actual) {
      const now = clock().getTime();
      let left = actual;
      // Each reservation keeps what it can account for; the last takes any excess.
      for (const [index, one] of taken.entries()) {
        const last = index === taken.length - 1;
        const kept = last ? left : Math.min(left, one.cost);
        if (kept !== one.cost) await budget.settle(account, one.id, one.cost, kept, now);
        left -= kept;
      }
      if (taken.length === 0 && actual > 0) await budget.settle(account, randomUUID(), 0, actual, now);
    },
  };
}
