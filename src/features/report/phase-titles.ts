import type { Phase } from "./report-types.js";

/** How each measured phase is named in charts, tables and replies. */
export const PHASE_TITLES: Record<Phase, { title: string; short: string; unitTitle: string; file: string }> =
  {
    detect: {
      title: "Time to detect",
      short: "detect",
      unitTitle: "Time to detect",
      file: "time-to-detect.svg",
    },
    acknowledge: {
      title: "Time to acknowledge",
      short: "ack",
      unitTitle: "Time to acknowledge",
      file: "time-to-acknowledge.svg",
    },
    mitigate: {
      title: "Time to mitigate",
      short: "mitigate",
      unitTitle: "Time to mitigate",
      file: "time-to-mitigate.svg",
    },
    resolve: {
      title: "Time to resolve",
      short: "resolve",
      unitTitle: "Time to resolve",
      file: "time-to-resolve.svg",
    },
  };
