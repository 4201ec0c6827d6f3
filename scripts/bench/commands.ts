import { COMMANDS } from "../../src/commands/command-table.js";
import { clearConfigCache } from "../../src/config/config-cache.js";
import { startIncident } from "../../test/support/incident-fixture.js";
import { BEFORE } from "../demo/scenario.js";
import { commentOn, fileIncident, PEOPLE, requestsAfter, requestsFor } from "./bench-repo.js";
import { type Points, roundTrips, secondaryPoints } from "./points.js";

/**
 * API requests per command: each command on a fresh incident (declared from the
 * form, config already cached), counting the requests of the comment's own delivery.
 */
export interface CommandCase {
  label: string;
  name: string;
  body: string;
  /** Comments made first, so the command has something to act on (not counted). */
  setup?: string[];
}

export const CASES: CommandCase[] = [
  { label: "/note", name: "note", body: "/note Error rate spiked" },
  { label: "/ack", name: "ack", body: "/ack" },
  { label: "/ic", name: "ic", body: "/ic @bob" },
  { label: "/lead", name: "lead", body: "/lead @dave" },
  { label: "/severity", name: "severity", body: "/severity SEV-1 wider impact" },
  { label: "/status", name: "status", body: "/status identified" },
  { label: "/mitigated", name: "mitigated", body: "/mitigated error rate back to normal" },
  { label: "/update", name: "update", body: "/update Rolling back now." },
  { label: "/escalate", name: "escalate", body: "/escalate" },
  { label: "/comms draft", name: "comms", body: "/comms draft" },
  { label: "/timeline", name: "timeline", body: "/timeline" },
  { label: "/help", name: "help", body: "/help" },
  { label: "/resolve", name: "resolve", body: "/resolve fixed" },
  { label: "/reopen", name: "reopen", body: "/reopen", setup: ["/resolve fixed"] },
  { label: "/hotfix", name: "hotfix", body: "/hotfix" },
  { label: "/revert #N", name: "revert", body: "/revert #1" },
  { label: "/pir", name: "pir", body: "/pir", setup: ["/resolve fixed"] },
  { label: "/freeze off", name: "freeze", body: "/freeze off", setup: ["/freeze on"] },
  { label: "/status public …", name: "status", body: "/status public investigating We are looking into it." },
  // The case before made the site branch (an orphan, by REST); later publishes are one signed commit.
  {
    label: "/status public … (site branch exists)",
    name: "status",
    body: "/status public identified A bad deploy.",
  },
  { label: "/metrics", name: "metrics", body: "/metrics" },
];

export interface CommandCounts {
  requestsPerCommand: Record<string, number>;
  /** Requests on the critical path, webhook to last write (see points.ts). */
  roundTrips: Record<string, number>;
  /** GitHub's secondary-limit points and content-creating requests of the command's delivery. */
  secondaryPoints: Record<string, Points>;
  declareRoundTrips: number;
  declarePoints: Points;
  /** Requests of the comment's delivery plus every follow-up delivery its writes caused. */
  requestsPerCommandWithFollowUps: Record<string, number>;
  declareRequests: number;
  declareRequestsColdConfig: number;
  /** Every request while filing, follow-up deliveries and chat failure reports included. */
  declareRequestsWithFollowUps: number;
}

function available(name: string): boolean {
  return COMMANDS.some((command) => command.name === name && command.available !== false);
}

export async function measureCommands(): Promise<CommandCounts> {
  const fx = await startIncident({ file: false });
  try {
    // The merged pull request `/revert #1` needs, as the demo makes it.
    for (const step of BEFORE) {
      fx.at(step.at);
      // The steps before the incident run no sweep.
      await step.run(fx.sim, 0, async () => []);
      await fx.settle();
    }
    fx.at("14:23");
    clearConfigCache();
    const cold = await fileIncident(fx);
    const declareRequestsColdConfig = requestsFor(fx, cold.delivery).length;
    const warm = await fileIncident(fx);
    const declared = requestsFor(fx, warm.delivery);
    const declareRequests = declared.length;
    if (process.env.BENCH_TRACE)
      console.log("declare", declared.map((e) => e.graphql ?? `${e.method} ${e.path}`).join(", "));
    const declareRequestsWithFollowUps = warm.all.length;
    const requestsPerCommand: Record<string, number> = {};
    const trips: Record<string, number> = {};
    const points: Record<string, Points> = {};
    const withFollowUps: Record<string, number> = {};
    for (const item of CASES.filter((c) => available(c.name))) {
      const { number } = await fileIncident(fx);
      for (const body of item.setup ?? []) await commentOn(fx, number, PEOPLE.bob, body);
      const mark = fx.sim.log.length;
      const delivery = await commentOn(fx, number, PEOPLE.bob, item.body);
      if (delivery.status !== 200) throw new Error(`bench: ${item.label} answered ${delivery.status}`);
      const made = requestsFor(fx, delivery);
      if (process.env.BENCH_TRACE)
        console.log(item.label, made.map((e) => e.graphql ?? `${e.method} ${e.path}`).join(", "));
      requestsPerCommand[item.label] = made.length;
      trips[item.label] = roundTrips(made);
      points[item.label] = secondaryPoints(made);
      withFollowUps[item.label] = requestsAfter(fx, mark).length;
    }
    return {
      requestsPerCommand,
      roundTrips: trips,
      secondaryPoints: points,
      declareRoundTrips: roundTrips(declared),
      declarePoints: secondaryPoints(declared),
      requestsPerCommandWithFollowUps: withFollowUps,
      declareRequests,
      declareRequestsColdConfig,
      declareRequestsWithFollowUps,
    };
  } finally {
    await fx.close();
  }
}
