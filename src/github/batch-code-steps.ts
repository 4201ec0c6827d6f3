import type { IssueHistory } from "../kernel/history.js";
import { FREEZE_CHECK_NAME } from "../kernel/names.js";
import type { CodeWrite, Plan } from "../kernel/plan.js";
import { type BatchStep, mutationStep } from "./batch-step.js";

/**
 * Code writes as aliased mutations (§2.6): a freeze check (`createCheckRun` /
 * `updateCheckRun`), a branch (`createRef`), a file committed on a branch
 * (`createCommitOnBranch`, a signed commit that names the head it expects), a pull
 * request (`createPullRequest`). Their replies and review requests need the answer,
 * so they go in the document after (`batch-follow-ups.ts`). Null: the REST executor
 * applies the write (another repository, a branch from a ref the read did not resolve,
 * a branch whose head the read does not know, a revert, a comment on a pull request).
 */
export function codeSteps(
  write: CodeWrite,
  history: IssueHistory,
  /** The plan, for the head a branch created earlier in it will have. */
  plan: Plan,
): BatchStep[] | null {
  const repositoryId = history.repo.id;
  const step = (field: string, input: Record<string, unknown>, legacy: string, select?: string) =>
    mutationStep(write, field, input, legacy, select ? { select } : {});
  switch (write.kind) {
    case "set-check": {
      const fields = {
        repositoryId,
        status: "COMPLETED",
        conclusion: write.check.conclusion.toUpperCase(),
        detailsUrl: write.check.detailsUrl,
        output: { title: write.check.title, summary: write.check.summary },
      };
      return write.checkRun
        ? [step("updateCheckRun", { ...fields, checkRunId: write.checkRun.nodeId }, "PATCH /check-runs/:id")]
        : [
            step(
              "createCheckRun",
              { ...fields, name: FREEZE_CHECK_NAME, headSha: write.headSha },
              "POST /check-runs",
            ),
          ];
    }
    case "create-branch":
      if (write.repository || !("sha" in write.from)) return null;
      return [
        step(
          "createRef",
          { repositoryId, name: `refs/heads/${write.branch}`, oid: write.from.sha },
          "POST /git/refs",
        ),
      ];
    case "put-file": {
      const head = branchHead(write.branch, history, plan);
      if (!head) return null;
      const [headline = "", ...rest] = write.message.split("\n");
      const body = rest.join("\n").trim();
      return [
        step(
          "createCommitOnBranch",
          {
            branch: { repositoryNameWithOwner: history.repo.nameWithOwner, branchName: write.branch },
            expectedHeadOid: head,
            message: body ? { headline, body } : { headline },
            fileChanges: {
              additions: [
                { path: write.path, contents: Buffer.from(write.content, "utf8").toString("base64") },
              ],
            },
          },
          "PUT /contents",
          "commit { oid }",
        ),
      ];
    }
    case "create-pull":
      return [
        step(
          "createPullRequest",
          {
            repositoryId,
            baseRefName: write.base,
            headRefName: write.head,
            title: write.title,
            body: write.body,
          },
          "POST /pulls",
          "pullRequest { id number url }",
        ),
      ];
    default:
      return null;
  }
}

/**
 * The head a branch has when the commit is made: the commit a branch created earlier in
 * the plan starts from (only one commit per branch is planned), else the head the read saw.
 */
function branchHead(branch: string, history: IssueHistory, plan: Plan): string | null {
  const commitsOnBranch = plan.filter((write) => write.kind === "put-file" && write.branch === branch).length;
  if (commitsOnBranch > 1) return null;
  for (const write of plan)
    if (write.kind === "create-branch" && write.branch === branch && !write.repository && "sha" in write.from)
      return write.from.sha;
  const branches = history.code.branches;
  const known = [branches?.pir, branches?.hotfix].find((fact) => fact?.name === branch);
  if (known) return known.oid;
  return history.code.openPulls.find((pull) => pull.headRefName === branch)?.headSha ?? null;
}
