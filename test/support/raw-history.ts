import type { Actor, IssueHistory } from "../../src/kernel/history.js";
import { rawCode, rawPull } from "./raw-code.js";

/**
 * A test history in the exact JSON shape GitHub's GraphQL API returns for the
 * app's `IncidentHistory` query, for nock-backed handler tests.
 */
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const rawActor = (actor: Actor | null) => (actor ? { __typename: actor.kind, login: actor.login } : null);

export function rawHistoryResponse(history: IssueHistory) {
  const nodes = history.items.map(rawItem);
  return rawResponse(history, nodes);
}

function rawItem(item: IssueHistory["items"][number]): Record<string, unknown> {
  switch (item.type) {
    case "comment":
      return {
        __typename: "IssueComment",
        id: item.id,
        databaseId: item.databaseId,
        url: item.url,
        body: item.body,
        createdAt: iso(item.at),
        lastEditedAt: item.editedAt ? iso(item.editedAt) : null,
        author: rawActor(item.author),
        authorAssociation: item.association,
        reactionGroups: item.appReactions.map((content) => ({ content, viewerHasReacted: true })),
      };
    case "labeled":
    case "unlabeled":
      return {
        __typename: item.type === "labeled" ? "LabeledEvent" : "UnlabeledEvent",
        id: item.id,
        createdAt: iso(item.at),
        actor: rawActor(item.actor),
        label: { name: item.label },
      };
    case "closed":
      return {
        __typename: "ClosedEvent",
        id: item.id,
        createdAt: iso(item.at),
        actor: rawActor(item.actor),
        stateReason: item.stateReason,
      };
    case "transferred":
      return {
        __typename: "TransferredEvent",
        id: item.id,
        createdAt: iso(item.at),
        actor: rawActor(item.actor),
        fromRepository: { nameWithOwner: item.from, isPrivate: item.fromPrivate },
      };
    case "reopened":
      return {
        __typename: "ReopenedEvent",
        id: item.id,
        createdAt: iso(item.at),
        actor: rawActor(item.actor),
      };
    case "assigned":
    case "unassigned":
      return {
        __typename: item.type === "assigned" ? "AssignedEvent" : "UnassignedEvent",
        id: item.id,
        createdAt: iso(item.at),
        actor: rawActor(item.actor),
        assignee: { __typename: "User", login: item.assignee },
      };
    case "renamed":
      return {
        __typename: "RenamedTitleEvent",
        id: item.id,
        createdAt: iso(item.at),
        actor: rawActor(item.actor),
        previousTitle: item.from,
        currentTitle: item.to,
      };
    case "cross-referenced":
      return {
        __typename: "CrossReferencedEvent",
        id: item.id,
        createdAt: iso(item.at),
        actor: rawActor(item.actor),
        source: item.pull
          ? { __typename: "PullRequest", ...rawPull(item.pull) }
          : {
              __typename: item.source.kind,
              number: item.source.number,
              title: item.source.title,
              url: item.source.url,
              ...(item.source.kind === "Issue"
                ? { issueState: item.source.state }
                : { state: item.source.state }),
              body: item.source.body,
              closedAt: item.source.closedAt ? iso(item.source.closedAt) : null,
              ...(item.source.kind === "PullRequest"
                ? {
                    headRefName: item.source.headRef,
                    mergedAt: item.source.mergedAt ? iso(item.source.mergedAt) : null,
                  }
                : {}),
              author: rawActor(item.source.author),
            },
      };
  }
}

function rawResponse(history: IssueHistory, nodes: Array<Record<string, unknown>>) {
  const { repo, issue } = history;
  const repository = {
    ...rawCode(history.code, repo.defaultBranch),
    id: repo.id,
    nameWithOwner: repo.nameWithOwner,
    url: repo.url,
    isPrivate: repo.private,
    labels: { nodes: repo.labels },
    configFile: repo.configOid ? { __typename: "Blob", oid: repo.configOid } : null,
    templatesFolder: repo.templatesOid ? { __typename: "Tree", oid: repo.templatesOid } : null,
    recentIncidents: repo.recentIncidents ? { nodes: repo.recentIncidents } : undefined,
  };
  const rawIssue = {
    id: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    url: issue.url,
    state: issue.state,
    stateReason: null,
    createdAt: iso(issue.createdAt),
    closedAt: issue.closedAt ? iso(issue.closedAt) : null,
    author: rawActor(issue.author),
    authorAssociation: issue.association,
    assignees: { nodes: issue.assignees.map((login) => ({ id: `U_${login}`, login })) },
    labels: { nodes: issue.labels.map((name) => ({ id: `LA_${name}`, name })) },
    timelineItems: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes },
    ...checkpointSelections(nodes),
  };
  return { repository: { ...repository, issue: rawIssue }, issueWithRepository: { ...rawIssue, repository } };
}

/**
 * What the checkpoint read (checkpoint-read.ts, also named `IncidentHistory`) selects
 * beside the issue, from the same nodes: the timeline's last 20 items, the first 5
 * comments, and the comments updated last (none: a test history is not edited behind
 * the app's back). Without cursors, as the full read's answers here have none: the
 * writes then verify the whole history, which these test doubles answer; writes that
 * carry a checkpoint and verify only what is new are tested against the simulator
 * (test/e2e/history-checkpoint.test.ts).
 */
export function checkpointSelections(nodes: ReadonlyArray<Record<string, unknown> | null>) {
  const edges = nodes.map((node) => ({ cursor: null, node }));
  return {
    tail: { totalCount: edges.length, edges: edges.slice(-20) },
    firstComments: { nodes: nodes.filter((node) => node?.__typename === "IssueComment").slice(0, 5) },
    recentlyUpdated: { nodes: [] },
  };
}
