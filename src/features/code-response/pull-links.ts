import { parseId } from "../../kernel/incident-id.js";
import { readMarkers } from "../../kernel/markers.js";
import { incidentIdOfBranch } from "../../kernel/names.js";

/**
 * How a pull request says which incidents it belongs to, from its own fields alone:
 * its head branch (`hotfix/inc-…`, `pir/inc-…`), incident ids and `#12` mentions in
 * its title and body, and, in the app's own pull requests, the marker naming the issue.
 */
export interface PullLinks {
  /** Incident ids named by the branch or the text. */
  ids: string[];
  /** Ids named only in the text: nothing on GitHub links those, so the app comments. */
  textIds: string[];
  /** Issue numbers mentioned (`#12`) or named by the app's marker. */
  numbers: number[];
}

const ID_IN_TEXT = /\bINC-\d{8}-\d{3,}\b/gi;
const MENTION = /(?:^|[^\w/#&])#(\d+)\b/g;

export function pullLinks(
  pull: { number: number; title: string; body: string | null; headRef: string; author: string | null },
  botLogin: string,
): PullLinks {
  const text = `${pull.title}\n${pull.body ?? ""}`;
  const branchId = incidentIdOfBranch(pull.headRef);
  const textIds = [...new Set([...text.matchAll(ID_IN_TEXT)].map((m) => m[0].toUpperCase()))].filter(
    (id) => parseId(id) !== null && id !== branchId,
  );
  const numbers = new Set([...text.matchAll(MENTION)].map((m) => Number(m[1])));
  if (pull.author === botLogin) {
    for (const found of readMarkers(pull.body ?? "")) {
      if ((found.kind === "revert" || found.kind === "pir") && found.fields.issue)
        numbers.add(Number(found.fields.issue));
    }
  }
  numbers.delete(pull.number);
  return { ids: [...(branchId ? [branchId] : []), ...textIds], textIds, numbers: [...numbers] };
}

export function hasLinks(links: PullLinks): boolean {
  return links.ids.length > 0 || links.numbers.length > 0;
}
