import { CONFIG_EXPRESSION } from "../config/config-file-name.js";
import type { Config } from "../config/schema.js";
import type { ActionItemFacts } from "../features/action-items/action-item-facts.js";
import type { ProjectItemFacts, ProjectRead } from "../features/action-items/board-facts.js";
import type { HistoryComment } from "../kernel/history.js";
import type { Octokit } from "./client.js";
import { ACTION_ITEM_QUERY } from "./queries-action-items.js";
import type { RawItem } from "./raw-history.js";
import { normaliseActor, normaliseHistoryItem, type RawActor } from "./read-history.js";

/** The one read of an action item event: the item, its incident's recent comments and the board. */
interface RawFieldRef {
  id?: string;
  name?: string;
}

interface RawData {
  repository: {
    id: string;
    nameWithOwner: string;
    url: string;
    configFile: { oid?: string } | null;
    issue: {
      id: string;
      number: number;
      title: string;
      body: string;
      url: string;
      state: "OPEN" | "CLOSED";
      author: RawActor | null;
      assignees: { nodes: Array<{ login: string }> };
      labels: { nodes: Array<{ name: string }> };
      comments: { nodes: RawItem[] };
      projectItems?: {
        nodes: Array<{
          id: string;
          project: { id: string };
          fieldValues: {
            nodes: Array<{
              __typename: string;
              date?: string;
              optionId?: string;
              field?: RawFieldRef;
            } | null>;
          };
        } | null>;
      };
    } | null;
    incident?: {
      id: string;
      number: number;
      title: string;
      url: string;
      comments: { nodes: Array<{ body: string; author: RawActor | null }> };
    } | null;
  } | null;
  organization?: {
    projectV2: {
      id: string;
      title: string;
      url: string;
      fields: {
        nodes: Array<{
          __typename: string;
          id?: string;
          name?: string;
          dataType?: string;
          options?: Array<{ id: string; name: string }>;
        } | null>;
      };
    } | null;
  } | null;
}

interface GraphqlFailure {
  data?: RawData;
  errors?: Array<{ type?: string; message?: string; path?: Array<string | number> }>;
}

/** Runs the read; errors about the project alone (missing, no permission) become part of the facts. */
async function query(octokit: Octokit, variables: Record<string, unknown>) {
  try {
    return { data: await octokit.graphql<RawData>(ACTION_ITEM_QUERY, variables), projectError: null };
  } catch (error) {
    const failure = error as GraphqlFailure;
    const errors = failure.errors ?? [];
    const aboutProject = errors.length > 0 && errors.every((e) => e.path?.[0] === "organization");
    if (!failure.data || !aboutProject) throw error;
    const forbidden = errors.find((e) => e.type === "FORBIDDEN" || /not accessible/i.test(e.message ?? ""));
    const projectError: ProjectRead = forbidden
      ? { kind: "forbidden", message: forbidden.message ?? "forbidden" }
      : { kind: "missing" };
    return { data: failure.data, projectError };
  }
}

export async function readActionItem(
  octokit: Octokit,
  where: { owner: string; repo: string; number: number; incident: number | null },
  config: Config,
): Promise<ActionItemFacts | null> {
  const project = config.project;
  const { data, projectError } = await query(octokit, {
    owner: where.owner,
    repo: where.repo,
    number: where.number,
    incident: where.incident ?? 0,
    withIncident: where.incident !== null,
    projectOwner: project?.owner ?? "",
    projectNumber: project?.number ?? 0,
    withProject: project !== undefined,
    configExpression: CONFIG_EXPRESSION,
  });
  const repository = data.repository;
  const issue = repository?.issue;
  if (!repository || !issue) return null;
  const comments = issue.comments.nodes.flatMap((node) => {
    const normalised = normaliseHistoryItem({ ...node, __typename: "IssueComment" });
    return normalised?.type === "comment" ? [normalised as HistoryComment] : [];
  });
  return {
    repo: {
      id: repository.id,
      nameWithOwner: repository.nameWithOwner,
      url: repository.url,
      configOid: repository.configFile?.oid ?? null,
    },
    item: {
      id: issue.id,
      number: issue.number,
      title: issue.title,
      body: issue.body ?? "",
      url: issue.url,
      state: issue.state,
      author: normaliseActor(issue.author),
      assignees: issue.assignees.nodes.map((node) => node.login),
      labels: issue.labels.nodes.map((node) => node.name),
      comments,
    },
    projectItems: (issue.projectItems?.nodes ?? []).flatMap((node) => (node ? [projectItem(node)] : [])),
    project: project === undefined ? { kind: "off" } : (projectError ?? projectRead(data)),
    incident: repository.incident
      ? {
          id: repository.incident.id,
          number: repository.incident.number,
          title: repository.incident.title,
          url: repository.incident.url,
          comments: repository.incident.comments.nodes.map((c) => ({
            body: c.body,
            author: normaliseActor(c.author),
          })),
        }
      : null,
  };
}

type RawProjectItem = NonNullable<
  NonNullable<NonNullable<RawData["repository"]>["issue"]>["projectItems"]
>["nodes"][number];

function projectItem(node: NonNullable<RawProjectItem>): ProjectItemFacts {
  const values: ProjectItemFacts["values"] = {};
  for (const value of node.fieldValues.nodes) {
    const fieldId = value?.field?.id;
    if (!value || !fieldId) continue;
    if (value.__typename === "ProjectV2ItemFieldDateValue" && value.date)
      values[fieldId] = { date: value.date.slice(0, 10) };
    if (value.__typename === "ProjectV2ItemFieldSingleSelectValue" && value.optionId)
      values[fieldId] = { optionId: value.optionId };
  }
  return { id: node.id, projectId: node.project.id, values };
}

function projectRead(data: RawData): ProjectRead {
  const project = data.organization?.projectV2;
  if (!project) return { kind: "missing" };
  return {
    kind: "found",
    project: {
      id: project.id,
      title: project.title,
      url: project.url,
      fields: project.fields.nodes.flatMap((field) =>
        field?.id && field.name
          ? [{ id: field.id, name: field.name, dataType: field.dataType ?? "", options: field.options ?? [] }]
          : [],
      ),
    },
  };
}
