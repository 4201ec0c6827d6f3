import { exemptFromFreeze } from "../../kernel/names.js";
import type { CheckSpec } from "../../kernel/plan.js";

/** The `incident-freeze` check a pull request to the default branch should carry. */
export interface Freezer {
  /** `INC-…`, or `#12` before the incident has an id. */
  name: string;
  url: string;
}

export function freezeCheckSpec(
  pull: { headRefName: string },
  freezers: readonly Freezer[],
  defaultBranch: string,
  repoUrl: string,
): CheckSpec {
  // In one order whichever incident writes, so two freezing incidents never rewrite each other's text.
  const frozenBy = [...freezers].sort((a, b) => a.name.localeCompare(b.name));
  const links = frozenBy.map((freezer) => `[${freezer.name}](${freezer.url})`).join(", ");
  const names = frozenBy.map((freezer) => freezer.name).join(", ");
  const detailsUrl = frozenBy[0]?.url ?? `${repoUrl}/issues`;
  // An exempt pull request says the same whatever freezes, so freezes coming and going never rewrite it.
  const exempt = exemptFromFreeze(pull.headRefName);
  if (exempt) {
    return {
      conclusion: "success",
      title: `Exempt from merge freezes (${exempt} pull request)`,
      summary: `${exempt[0]?.toUpperCase()}${exempt.slice(1)} pull requests may merge to \`${defaultBranch}\` during an incident's merge freeze.`,
      detailsUrl: `${repoUrl}/issues`,
    };
  }
  if (frozenBy.length === 0) {
    return {
      conclusion: "success",
      title: "No merge freeze",
      summary: `No open incident freezes merges to \`${defaultBranch}\`.`,
      detailsUrl,
    };
  }
  return {
    conclusion: "failure",
    title: `Merges frozen by ${names}`,
    summary: `Merges to \`${defaultBranch}\` are frozen while ${links} ${frozenBy.length > 1 ? "are" : "is"} open. Hotfix and revert pull requests are exempt. The incident commander lifts the freeze with \`/freeze off\` on the incident; resolving the incident lifts it too, and this check turns green.`,
    detailsUrl,
  };
}
