import { deploy, findPull, mergePull, openPull, pushFile } from "./code-actions.js";
import { SCORING_BOOSTED, SCORING_PATH } from "./code-fixtures.js";
import type { Step } from "./scenario.js";

/** Before the incident: the change that breaks search is merged and deployed; an unrelated pull request is open. */
export const BEFORE: Step[] = [
  {
    at: "14:10",
    who: "dave",
    what: "opens a pull request that tunes search scoring",
    run: async (sim) => {
      await pushFile(
        sim,
        "dave",
        "tune-scoring",
        SCORING_PATH,
        SCORING_BOOSTED,
        "Boost exact matches in search scoring",
      );
      return openPull(sim, "dave", "tune-scoring", "Tune search result scoring", "Boosts exact matches.");
    },
  },
  {
    at: "14:11",
    who: "erin",
    what: "opens an unrelated pull request",
    run: async (sim) => {
      await pushFile(sim, "erin", "readme-typo", "README.md", "# Search service\n", "Fix the README title");
      return openPull(sim, "erin", "readme-typo", "Fix the README title", "Docs only.");
    },
  },
  {
    at: "14:14",
    who: "bob",
    what: "merges the scoring change",
    run: async (sim) => mergePull(sim, "bob", await findPull(sim, "tune-scoring")),
  },
  {
    at: "14:15",
    who: "dave",
    what: "deploys main to production (deploy #123)",
    run: (sim) => deploy(sim, "dave", "Deploy #123"),
  },
];
