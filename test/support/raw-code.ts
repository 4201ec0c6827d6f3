import type { Actor, CodeFacts, PullFact } from "../../src/kernel/history.js";

/** Code facts back in the JSON shape of the history read, for nock-backed tests. */
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const rawActor = (actor: Actor | null) =>
  actor
    ? {
        __typename: actor.kind,
        login: actor.kind === "Bot" ? actor.login.replace(/\[bot\]$/, "") : actor.login,
      }
    : null;

export function rawPull(pull: PullFact): Record<string, unknown> {
  return {
    number: pull.number,
    title: pull.title,
    url: pull.url,
    state: pull.state,
    isDraft: pull.isDraft,
    createdAt: iso(pull.createdAt),
    mergedAt: pull.mergedAt ? iso(pull.mergedAt) : null,
    closedAt: pull.closedAt ? iso(pull.closedAt) : null,
    headRefName: pull.headRefName,
    baseRefName: pull.baseRefName,
    body: pull.body,
    author: rawActor(pull.author),
    mergedBy: rawActor(pull.mergedBy),
    files: { nodes: pull.files.map((path) => ({ path })) },
  };
}

export function rawCode(code: CodeFacts, defaultBranch: string | null): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    defaultBranchRef: defaultBranch ? { name: defaultBranch, target: { oid: code.defaultBranchOid } } : null,
    deployments: {
      nodes: code.deployments.map((d) => ({
        databaseId: d.id,
        commitOid: d.sha,
        createdAt: iso(d.createdAt),
        environment: d.environment,
        description: d.description,
        ref: d.ref ? { name: d.ref } : null,
        creator: d.creator ? { __typename: "User", login: d.creator } : null,
        statuses: {
          nodes: d.statuses.map((s) => ({
            state: s.state,
            createdAt: iso(s.at),
            description: s.description,
            creator: s.by ? { __typename: "User", login: s.by } : null,
          })),
        },
      })),
    },
    openPulls: {
      nodes: code.openPulls.map((pull) => ({
        number: pull.number,
        title: pull.title,
        url: pull.url,
        headRefName: pull.headRefName,
        baseRefName: pull.baseRefName,
        headRefOid: pull.headSha,
        author: rawActor(pull.author),
        commits: {
          nodes: [
            {
              commit: {
                checkSuites: {
                  nodes: pull.freezeChecks.map((check) => ({
                    app: { slug: check.app },
                    checkRuns: {
                      nodes: [
                        {
                          id: check.nodeId,
                          databaseId: check.id,
                          conclusion: check.conclusion,
                          title: check.title,
                        },
                      ],
                    },
                  })),
                },
              },
            },
          ],
        },
      })),
    },
    freezing: { nodes: code.freezing },
  };
  if (code.branches) {
    const ref = (branch: { name: string; oid: string } | null) =>
      branch ? { name: branch.name, target: { oid: branch.oid } } : null;
    raw.hotfixRef = ref(code.branches.hotfix);
    raw.pirRef = ref(code.branches.pir);
    raw.hotfixPulls = { nodes: code.hotfixPulls.map(rawPull) };
    raw.pirPulls = {
      nodes: code.pirPulls.map((pull) => {
        const review = code.mergedReviews.find((r) => r.number === pull.number);
        const file = review?.file ?? null;
        return {
          ...rawPull(pull),
          mergeCommit: review
            ? { reviewFile: file === null ? null : { object: { __typename: "Blob", text: file } } }
            : null,
          comments: {
            nodes: (review?.comments ?? []).map((c) => ({ author: rawActor(c.author), body: c.body })),
          },
        };
      }),
    };
    raw.pirFile = code.pirFile ? { __typename: "Blob", ...code.pirFile } : null;
  }
  if (code.suspects) {
    raw.mergedPulls = { nodes: code.suspects.merged.map(rawPull) };
    raw.codeownersGithub = code.suspects.codeowners
      ? { __typename: "Blob", text: code.suspects.codeowners }
      : null;
    raw.codeownersRoot = null;
    raw.codeownersDocs = null;
  }
  return raw;
}
