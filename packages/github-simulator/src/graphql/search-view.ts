import type { SimContext } from "../sim-context.js";
import { permissionOf } from "../store/access.js";
import type { Issue, Repo } from "../store/model.js";
import { connection } from "./connection.js";
import { type Args, argString, type GqlContext, GqlError, type View } from "./gql-types.js";
import { issueView } from "./issue-view.js";
import { pullView } from "./pull-view.js";

/**
 * GitHub's search, `type: ISSUE` only, with the qualifiers GitHub documents for issues:
 * `is:open|closed|issue|pr` (and `state:`, `type:`), `label:` (several: all of them;
 * quoted when the name has spaces), `repo:owner/name`, `org:` and `user:` (several of
 * these: any of them), and other words matched in the title or body. Only repositories
 * the viewer can read are searched; results are newest first; `issueCount` counts all.
 * GitHub also refuses queries over 256 characters.
 */
interface Filter {
  state: "open" | "closed" | null;
  kind: "issue" | "pr" | null;
  labels: string[];
  repos: string[];
  owners: string[];
  words: string[];
}

const TOKEN = /(-?)([a-z]+):("([^"]*)"|\S+)|"([^"]*)"|(\S+)/gi;

export function parseSearch(query: string): Filter {
  if (query.length > 256) throw new GqlError("INVALID", "The search is longer than 256 characters.");
  const filter: Filter = { state: null, kind: null, labels: [], repos: [], owners: [], words: [] };
  for (const match of query.matchAll(TOKEN)) {
    const [, negated, qualifier, raw, quotedValue, quotedWord, word] = match;
    if (qualifier === undefined) {
      filter.words.push((quotedWord ?? word ?? "").toLowerCase());
      continue;
    }
    const value = (quotedValue ?? raw ?? "").toLowerCase();
    if (negated)
      throw new GqlError("INVALID", `The simulator does not model negated qualifiers (-${qualifier}:).`);
    switch (qualifier.toLowerCase()) {
      case "is":
      case "state":
      case "type":
        if (value === "open" || value === "closed") filter.state = value;
        else if (value === "issue" || value === "pr") filter.kind = value;
        else if (value === "pull-request") filter.kind = "pr";
        else throw new GqlError("INVALID", `The simulator does not model ${qualifier}:${value}.`);
        break;
      case "label":
        filter.labels.push(value);
        break;
      case "repo":
        filter.repos.push(value);
        break;
      case "org":
      case "user":
        filter.owners.push(value);
        break;
      default:
        // GitHub reads an unknown qualifier as text; so does this.
        filter.words.push(match[0].toLowerCase());
    }
  }
  return filter;
}

function matches(sim: SimContext, repo: Repo, issue: Issue, filter: Filter): boolean {
  const name = `${repo.owner}/${repo.name}`.toLowerCase();
  if (filter.state && issue.state !== filter.state) return false;
  if (filter.kind && (filter.kind === "pr") !== (issue.pull !== null)) return false;
  if (filter.repos.length && !filter.repos.includes(name)) return false;
  if (filter.owners.length && !filter.owners.includes(repo.owner.toLowerCase())) return false;
  const labels = issue.labelIds.map((id) => sim.store.labelById(repo, id).name.toLowerCase());
  if (!filter.labels.every((label) => labels.includes(label))) return false;
  const text = `${issue.title}\n${issue.body ?? ""}`.toLowerCase();
  return filter.words.every((word) => text.includes(word));
}

export function search(args: Args, ctx: GqlContext): View {
  const type = argString(args, "type");
  if (type !== "ISSUE") throw new GqlError("INVALID", `The simulator searches issues only, not ${type}.`);
  const filter = parseSearch(argString(args, "query") ?? "");
  const { sim } = ctx;
  const found = sim.store.state.repos
    .filter((repo) => permissionOf(sim.store, ctx.viewer, repo) !== null)
    .flatMap((repo) =>
      repo.issues.filter((issue) => matches(sim, repo, issue, filter)).map((issue) => ({ repo, issue })),
    )
    .sort((a, b) => b.issue.createdAt.localeCompare(a.issue.createdAt) || b.issue.id - a.issue.id);
  return connection(found, args, {
    field: "search",
    typename: "SearchResultItemConnection",
    edgeTypename: "SearchResultItemEdge",
    toNode: ({ repo, issue }) => (issue.pull ? pullView(sim, repo, issue) : issueView(sim, repo, issue)),
    extra: {
      issueCount: found.length,
      codeCount: 0,
      discussionCount: 0,
      repositoryCount: 0,
      userCount: 0,
      wikiCount: 0,
    },
  });
}
