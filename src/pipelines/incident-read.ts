import type { Context } from "probot";
import { readHistoryFromCheckpoint } from "../github/checkpoint-read.js";
import type { Octokit } from "../github/client.js";
import { type IncidentRead, type ReadExtras, readIncident } from "../github/history-extras.js";
import { type CheckpointTrust, purgeCheckpoint } from "../github/read-basis.js";
import { type HistoryVariables, readHistory } from "../github/read-history.js";

/**
 * How an event reads its incident, in one request (§2.6): a comment asking for extras
 * (the status site to publish, pull requests to revert) reads the whole history with
 * them; an event that changes an old item (an edited or deleted comment, an edited
 * issue) reads the whole history, which a checkpoint cannot vouch for, and has the
 * writes carry a fresh checkpoint so the old text leaves it; any other event reads
 * through the declaration comment's checkpoint.
 */
export function incidentReader(context: Context, trust: CheckpointTrust) {
  const action = (context.payload as { action?: string }).action;
  const comment = context.name === "issue_comment";
  const changesOld = comment ? action !== "created" : action === "edited";
  return async (
    octokit: Octokit,
    where: { owner: string; repo: string; number: number },
    variables: HistoryVariables,
    extras: ReadExtras = {},
  ): Promise<IncidentRead | null> => {
    if (extras.site || extras.pulls?.length) return readIncident(octokit, where, variables, extras, trust);
    // An old comment's text may live on in the checkpoint: the writes carry a fresh one.
    const history = changesOld
      ? await readHistory(octokit, where, variables, trust).then((read) =>
          read && comment ? purgeCheckpoint(read) : read,
        )
      : await readHistoryFromCheckpoint(octokit, where, variables, trust);
    return history ? { history } : null;
  };
}
