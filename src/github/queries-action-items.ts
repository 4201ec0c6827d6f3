/**
 * GraphQL documents of action items (§8): the one read of an action item event (the
 * item, its recent comments, its incident's recent comments and the project board),
 * the board writes, and a plain comment on another issue.
 */

const COMMENT_FIELDS = /* GraphQL */ `
  id databaseId url body createdAt lastEditedAt
  author { __typename login }
  authorAssociation
  reactionGroups { content viewerHasReacted }
`;

export const ACTION_ITEM_QUERY = /* GraphQL */ `
  query ActionItem(
    $owner: String!, $repo: String!, $number: Int!,
    $incident: Int!, $withIncident: Boolean!,
    $projectOwner: String!, $projectNumber: Int!, $withProject: Boolean!,
    $configExpression: String!
  ) {
    repository(owner: $owner, name: $repo) {
      id nameWithOwner url
      configFile: object(expression: $configExpression) { __typename ... on Blob { oid } }
      issue(number: $number) {
        id number title body url state createdAt closedAt
        author { __typename login }
        assignees(first: 20) { nodes { login } }
        labels(first: 50) { nodes { name } }
        comments(last: 50) { nodes { ${COMMENT_FIELDS} } }
        projectItems(first: 20) @include(if: $withProject) {
          nodes {
            id
            project { id }
            fieldValues(first: 50) {
              nodes {
                __typename
                ... on ProjectV2ItemFieldDateValue { date field { ... on ProjectV2FieldCommon { id name } } }
                ... on ProjectV2ItemFieldSingleSelectValue { optionId name field { ... on ProjectV2FieldCommon { id name } } }
              }
            }
          }
        }
      }
      incident: issue(number: $incident) @include(if: $withIncident) {
        id number title url
        comments(last: 50) { nodes { body author { __typename login } } }
      }
    }
    organization(login: $projectOwner) @include(if: $withProject) {
      projectV2(number: $projectNumber) {
        id title url
        fields(first: 50) {
          nodes {
            __typename
            ... on ProjectV2FieldCommon { id name dataType }
            ... on ProjectV2SingleSelectField { options { id name } }
          }
        }
      }
    }
  }
`;

export const ADD_PROJECT_ITEM_MUTATION = /* GraphQL */ `
  mutation AddProjectItem($projectId: ID!, $contentId: ID!) {
    addProjectV2ItemById(input: { projectId: $projectId, contentId: $contentId }) { item { id } }
  }
`;

/** One request sets every field that differs: one aliased mutation per field. */
export function setProjectFieldsMutation(fields: ReadonlyArray<{ clear: boolean }>): string {
  const variables = fields.map((field, index) =>
    field.clear ? `$f${index}: ID!` : `$f${index}: ID!, $v${index}: ProjectV2FieldValue!`,
  );
  const selections = fields.map((field, index) =>
    field.clear
      ? `f${index}: clearProjectV2ItemFieldValue(input: { projectId: $projectId, itemId: $itemId, fieldId: $f${index} }) { projectV2Item { id } }`
      : `f${index}: updateProjectV2ItemFieldValue(input: { projectId: $projectId, itemId: $itemId, fieldId: $f${index}, value: $v${index} }) { projectV2Item { id } }`,
  );
  return `mutation SetProjectFields($projectId: ID!, $itemId: ID!, ${variables.join(", ")}) {\n  ${selections.join("\n  ")}\n}`;
}

export const ADD_NOTICE_MUTATION = /* GraphQL */ `
  mutation AddNotice($subjectId: ID!, $body: String!) {
    addComment(input: { subjectId: $subjectId, body: $body }) { commentEdge { node { id } } }
  }
`;
