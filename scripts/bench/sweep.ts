import { existsSync } from "node:fs";

/**
 * Requests per sweep (100 open incidents with 1,000 or 10,000 open action items,
 * nothing due and 50 due). Needs `sweepRepo` from src/cli/sweep-command.ts; in a
 * build without it the numbers are null, never estimated.
 */
export type SweepRequests = Record<"1100" | "10100", { nothingDue: number; due50: number }> | null;

const SWEEP_MODULE = new URL("../../src/cli/sweep-command.ts", import.meta.url);

export async function measureSweep(): Promise<{ sweepRequests: SweepRequests; note: string | null }> {
  if (!existsSync(SWEEP_MODULE)) return { sweepRequests: null, note: "sweep not in this build" };
  const module = (await import(SWEEP_MODULE.href)) as { sweepRepo?: unknown };
  if (typeof module.sweepRepo !== "function") return { sweepRequests: null, note: "sweep not in this build" };
  // The measurement itself lands with the sweep: seeding 100 incidents and their action items.
  return { sweepRequests: null, note: "sweep present but not measured yet by this bench" };
}
