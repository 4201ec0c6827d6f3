import type { ConfigProblem } from "../config/config-error.js";
import type { Config } from "../config/schema.js";

/**
 * Whether the services' repositories (`services.<name>.repository`) exist and the app can
 * reach them, checked once per config load in one request: a GraphQL document with one
 * aliased `repository` field per repository. A repository GitHub does not show the app
 * (missing, private and not installed) comes back null with a NOT_FOUND error for its
 * alias, while the others still answer.
 */
type Graphql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

type Seen = Record<string, { nameWithOwner: string; isArchived: boolean } | null>;

export function serviceRepositoriesDocument(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$o${i}: String!, $n${i}: String!`).join(", ");
  const fields = Array.from(
    { length: count },
    (_, i) => `r${i}: repository(owner: $o${i}, name: $n${i}) { nameWithOwner isArchived }`,
  ).join("\n    ");
  return `query ServiceRepositories(${variables}) {\n    ${fields}\n  }`;
}

export async function checkServiceRepositories(
  graphql: Graphql,
  config: Config,
  own: { owner: string; repo: string },
): Promise<ConfigProblem[]> {
  const ownName = `${own.owner}/${own.repo}`.toLowerCase();
  const services = Object.entries(config.services).flatMap(([service, { repository }]) =>
    repository && repository.toLowerCase() !== ownName ? [{ service, repository }] : [],
  );
  const repositories = [...new Set(services.map((s) => s.repository))];
  if (repositories.length === 0) return [];
  const variables: Record<string, string> = {};
  repositories.forEach((repository, i) => {
    const [owner, name] = repository.split("/") as [string, string];
    variables[`o${i}`] = owner;
    variables[`n${i}`] = name;
  });
  let seen: Seen;
  try {
    seen = await graphql<Seen>(serviceRepositoriesDocument(repositories.length), variables);
  } catch (error) {
    // Partial answers come with errors for the aliases GitHub would not show.
    const data = (error as { data?: Seen }).data;
    if (!data) throw error;
    seen = data;
  }
  return services.flatMap(({ service, repository }) => {
    const found = seen[`r${repositories.indexOf(repository)}`] ?? null;
    const path = `services.${service}.repository`;
    if (!found)
      return [
        {
          path,
          message: `\`${repository}\` does not exist, or the app is not installed on it: add it to the app's installation (or correct the name); until then commands naming it are refused.`,
        },
      ];
    if (found.isArchived)
      return [
        {
          path,
          message: `\`${repository}\` is archived (read-only): \`/revert\`, \`/hotfix\` and \`/rollback\` there are refused.`,
        },
      ];
    return [];
  });
}
