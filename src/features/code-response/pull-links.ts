import { parseId } from "../../kernel/incident-id.js";
import { readMarkers } from "../../kernel/markers.js";
import { incidentIdOfBranch } from "../../kernel/names.js";

/**
 * How a pull request says which incidents it belongs to, from its own fields alone:
 * its head branch (`hotfix/inc-…`, `pir/inc-…`), incident ids and `#12` mentions in
 * its title and body, and, in the app's own pull requests, the marker naming the issue.
 * Issues of other repositories (`acme/incidents#7` or their URL, organisation mode) are
 * `elsewhere`; the app's revert marker names the incident's repository and id there.
 */
export interface PullLinks {
  /** Incident ids named by the branch or the text. */
  ids: string[];
  /** Ids named only in the text: nothing on GitHub links those, so the app comments. */
  textIds: string[];
  /** Issue numbers mentioned (`#12`) or named by the app's marker. */
  numbers: number[];
  /** Issues of other repositories: `repository` is `owner/name`; `id` when the app's marker says it. */
  elsewhere: Array<{ repository: string; number: number; id: string | null }>;
}

const ID_IN_TEXT = /\bINC-\d{8}-\d{3,}\b/gi;
const MENTION = /(?:^|[^\w/#&])#(\d+)\b/g;
const NAME = "[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+";
const FOREIGN = new RegExp(
  `(?:^|[^\\w/#&])(${NAME})#(\\d+)\\b|https?://github\\.com/(${NAME})/issues/(\\d+)\\b`,
  "g",
);

export function pullLinks(
  pull: { number: number; title: string; body: string | null; headRef: string; author: string | null },
  botLogin: string,
  /** `owner/name` of the pull request's repository. */
  home = "",
): PullLinks {
  const text = `${pull.title}\n${pull.body ?? ""}`;
  const branchId = incidentIdOfBranch(pull.headRef);
  const textIds = [...new Set([...text.matchAll(ID_IN_TEXT)].map((m) => m[0].toUpperCase()))].filter(
    (id) => parseId(id) !== null && id !== branchId,
  );
  const numbers = new Set([...text.matchAll(MENTION)].map((m) => Number(m[1])));
  const elsewhere = new Map<string, PullLinks["elsewhere"][number]>();
  const away = (repository: string, number: number, id: string | null) => {
    if (repository.toLowerCase() === home.toLowerCase()) numbers.add(number);
    else {
      const key = `${repository.toLowerCase()}#${number}`;
      elsewhere.set(key, { repository, number, id: id ?? elsewhere.get(key)?.id ?? null });
    }
  };
  for (const m of text.matchAll(FOREIGN)) away(m[1] ?? m[3] ?? "", Number(m[2] ?? m[4]), null);
  if (pull.author === botLogin) {
    for (const found of readMarkers(pull.body ?? "")) {
      if ((found.kind !== "revert" && found.kind !== "pir") || !found.fields.issue) continue;
      const number = Number(found.fields.issue);
      if (found.fields.repo) away(found.fields.repo, number, found.fields.id ?? null);
      else numbers.add(number);
    }
  }
  numbers.delete(pull.number);
  return {
    ids: [...(branchId ? [branchId] : []), ...textIds],
    textIds,
    numbers: [...numbers],
    elsewhere: [...elsewhere.values()],
  };
}

export function hasLinks(links: PullLinks): boolean {
  // Elsewhere, only the app's own pull requests (their marker names the incident) are followed.
  return links.ids.length > 0 || links.numbers.length > 0 || links.elsewhere.some((e) => e.id !== null);
}
