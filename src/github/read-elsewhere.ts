import type { ElsewhereNeed } from "../features/code-response/org-scope.js";
import type { RepositoryElsewhere } from "../kernel/history.js";
import type { GraphqlClient } from "./client.js";
import {
  codeFacts,
  freezeChecks,
  pullFact,
  type RawCodeFields,
  type RawOpenPull,
  type RawPull,
} from "./code-facts.js";
import { FREEZE_CHECK_FIELDS, PULL_FIELDS } from "./code-queries.js";

/**
 * Organisation mode (§13): the other repositories an incident event needs, read in one
 * GraphQL document with an aliased `repository` field per repository, so reading two
 * repositories or ten costs one request (1 point). What each one brings follows its
 * need: the day's incidents (ids), recent merges, deployments and CODEOWNERS
 * (suspects), open pull requests with their freeze checks and its freezing incidents
 * (the freeze), its deployments and the incident's hotfix branch with its pull requests
 * (the timeline). A repository the app cannot see comes back as not visible; the others
 * are used as read.
 */
const DEPLOYMENTS = /* GraphQL */ `
  deployments(environments: [$environment], last: 20) {
    nodes {
      databaseId commitOid createdAt environment description
      ref { name }
      creator { __typename login }
      statuses(last: 10) { nodes { state createdAt description creator { __typename login } } }
    }
  }`;

const PARTS = {
  ids: /* GraphQL */ `
    recentIncidents: issues(first: 100, labels: [$incidentLabel], filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes { number title createdAt }
    }`,
  suspects: /* GraphQL */ `
    mergedPulls: pullRequests(states: [MERGED], first: 50, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes { ${PULL_FIELDS} files(first: 100) { nodes { path } } }
    }
    codeownersGithub: object(expression: "HEAD:.github/CODEOWNERS") { __typename ... on Blob { text } }
    codeownersRoot: object(expression: "HEAD:CODEOWNERS") { __typename ... on Blob { text } }
    codeownersDocs: object(expression: "HEAD:docs/CODEOWNERS") { __typename ... on Blob { text } }`,
  freeze: /* GraphQL */ `
    openPulls: pullRequests(states: [OPEN], first: 50, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes { number title url headRefName baseRefName headRefOid author { __typename login } ${FREEZE_CHECK_FIELDS} }
    }
    freezing: issues(labels: [$freezeLabel], states: [OPEN], first: 20) { nodes { number title url body } }`,
  freezers: /* GraphQL */ `
    freezing: issues(labels: [$freezeLabel], states: [OPEN], first: 20) { nodes { number title url body } }`,
  // Suspects and the timeline both use the deployments: asked once (see \`fieldsOf\`).
  code: /* GraphQL */ `
    hotfixRef: ref(qualifiedName: $hotfixRef) { name target { oid } }
    hotfixPulls: pullRequests(headRefName: $hotfixBranch, first: 20) { nodes { ${PULL_FIELDS} } }`,
};

type Part = keyof typeof PARTS;
const PART_NAMES: readonly Part[] = ["ids", "suspects", "freeze", "freezers", "code"];

/** GitHub refuses a document declaring a variable it does not use: each part declares its own. */
const PART_VARIABLES = {
  ids: { since: "DateTime!", incidentLabel: "String!" },
  suspects: { environment: "String!" },
  freeze: { freezeLabel: "String!" },
  freezers: { freezeLabel: "String!" },
  code: { environment: "String!", hotfixRef: "String!", hotfixBranch: "String!" },
} as const;

function partsUsed(needs: readonly ElsewhereNeed[]): Part[] {
  const parts = PART_NAMES.filter((part) => needs.some((need) => need[part]));
  // One declaration of `$freezeLabel` for both parts that use it.
  return parts.includes("freeze") ? parts.filter((part) => part !== "freezers") : parts;
}

function declarations(needs: readonly ElsewhereNeed[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of partsUsed(needs))
    for (const [name, type] of Object.entries(PART_VARIABLES[part])) out.set(name, type);
  return out;
}

function fieldsOf(need: ElsewhereNeed): string {
  const parts = PART_NAMES.filter((part) => need[part]).map((part) => PARTS[part]);
  return [...(need.suspects || need.code ? [DEPLOYMENTS] : []), ...parts].join("\n");
}

export function elsewhereDocument(needs: readonly ElsewhereNeed[]): string {
  const shared = [...declarations(needs)].map(([name, type]) => `$${name}: ${type}`);
  const variables = [
    ...shared,
    ...needs.map((need, k) =>
      [
        `$o${k}: String!, $n${k}: String!`,
        ...(need.ownersFiles ?? []).map((_, j) => `$f${k}_${j}: String!`),
      ].join(", "),
    ),
  ].join(", ");
  const fields = needs.map((need, k) => {
    // Services' own code owners files: one aliased blob each, in the same field.
    const files = (need.ownersFiles ?? []).map(
      (_, j) => `f${j}: object(expression: $f${k}_${j}) { __typename ... on Blob { text } }`,
    );
    return `r${k}: repository(owner: $o${k}, name: $n${k}) {
    nameWithOwner url defaultBranchRef { name }
    ${[fieldsOf(need), ...files].filter(Boolean).join("\n")}
  }`;
  });
  return /* GraphQL */ `
query IncidentElsewhere(${variables}) {
  ${fields.join("\n  ")}
}`;
}

type RawElsewhere = RawCodeFields & {
  [file: `f${number}`]: { __typename: string; text?: string } | null | undefined;
  nameWithOwner: string;
  url: string;
  recentIncidents?: { nodes: Array<{ number: number; title: string; createdAt: string }> };
  mergedPulls?: { nodes: RawPull[] };
  openPulls?: { nodes: RawOpenPull[] };
  freezing?: { nodes: Array<{ number: number; title: string; url: string; body: string }> };
};

export interface ElsewhereVariables {
  since: string;
  incidentLabel: string;
  environment: string;
  freezeLabel: string;
  /** The incident's hotfix branch (`hotfix/inc-…`) and its ref (`refs/heads/…`). */
  hotfixBranch: string;
  hotfixRef: string;
}

export async function readElsewhere(
  client: GraphqlClient,
  needs: readonly ElsewhereNeed[],
  variables: ElsewhereVariables,
): Promise<RepositoryElsewhere[]> {
  if (needs.length === 0) return [];
  const names: Record<string, string> = {};
  for (const name of declarations(needs).keys()) names[name] = variables[name as keyof ElsewhereVariables];
  needs.forEach((need, k) => {
    const [owner, name] = need.repo.split("/") as [string, string];
    names[`o${k}`] = owner;
    names[`n${k}`] = name;
    need.ownersFiles?.forEach((path, j) => {
      names[`f${k}_${j}`] = `HEAD:${path}`;
    });
  });
  let data: Record<string, RawElsewhere | null>;
  try {
    data = await client.graphql(elsewhereDocument(needs), names);
  } catch (error) {
    data = partialData(error);
  }
  return needs.map((need, k) => repository(need, data[`r${k}`] ?? null));
}

/** GitHub answers the repositories it could resolve and a NOT_FOUND error for the others. */
function partialData(error: unknown): Record<string, RawElsewhere | null> {
  const e = error as {
    name?: string;
    data?: Record<string, RawElsewhere | null>;
    errors?: Array<{ type?: string }>;
  };
  const onlyMissing = (e.errors ?? []).every((item) => item.type === "NOT_FOUND");
  if (e.name !== "GraphqlResponseError" || !e.data || !onlyMissing) throw error;
  return e.data;
}

function repository(need: ElsewhereNeed, raw: RawElsewhere | null): RepositoryElsewhere {
  if (!raw)
    return {
      nameWithOwner: need.repo,
      url: "",
      defaultBranch: null,
      visible: false,
      recentIncidents: null,
      suspects: null,
      openPulls: null,
      freezing: null,
      code: null,
    };
  const code = codeFacts(raw, need.code === true);
  return {
    nameWithOwner: raw.nameWithOwner,
    url: raw.url,
    defaultBranch: raw.defaultBranchRef?.name ?? null,
    visible: true,
    recentIncidents: raw.recentIncidents?.nodes ?? null,
    suspects: raw.mergedPulls
      ? {
          merged: raw.mergedPulls.nodes.map(pullFact),
          codeowners: code.suspects?.codeowners ?? null,
          deployments: code.deployments,
        }
      : null,
    openPulls: raw.openPulls
      ? raw.openPulls.nodes.map((pull) => ({
          number: pull.number,
          title: pull.title,
          url: pull.url,
          headRefName: pull.headRefName,
          baseRefName: pull.baseRefName,
          headSha: pull.headRefOid,
          author: null,
          freezeChecks: freezeChecks(pull),
        }))
      : null,
    freezing: raw.freezing?.nodes ?? null,
    code: need.code
      ? {
          deployments: code.deployments,
          hotfix: code.branches?.hotfix ?? null,
          hotfixPulls: code.hotfixPulls,
        }
      : null,
    ...(need.ownersFiles ? { codeOwnersFiles: ownersFiles(need.ownersFiles, raw) } : {}),
  };
}

/** Each file's text, or null when the repository's default branch has no such file. */
function ownersFiles(paths: readonly string[], raw: RawElsewhere): Record<string, string | null> {
  return Object.fromEntries(
    paths.map((path, j) => {
      const blob = raw[`f${j}`];
      return [path, blob?.__typename === "Blob" ? (blob.text ?? "") : null];
    }),
  );
}
