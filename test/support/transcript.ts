import type { Octokit } from "@octokit/rest";
import { ConfigSchema } from "../../src/config/schema.js";
import { INCIDENT_HISTORY_QUERY } from "../../src/github/queries.js";
import type { RawIssue, RawRepository } from "../../src/github/raw-history.js";
import { historyVariables, normaliseHistory } from "../../src/github/read-history.js";
import type { IssueHistory } from "../../src/kernel/history.js";

/**
 * The issue as a person sees it on GitHub, in order: title, state and labels, then
 * every comment (author, time, body) and every event (who labelled, closed, renamed).
 */
export async function readAsPerson(
  person: Octokit,
  owner: string,
  repo: string,
  number: number,
): Promise<IssueHistory> {
  const variables = historyVariables(ConfigSchema.parse({}), new Date("2000-01-01T00:00:00Z"), {
    withRecent: false,
    id: null,
  });
  const data = await person.graphql<{ repository: RawRepository & { issue: RawIssue } }>(
    INCIDENT_HISTORY_QUERY,
    {
      owner,
      repo,
      number,
      ...variables,
    },
  );
  const graphql = person.graphql.bind(person) as unknown as Parameters<typeof normaliseHistory>[0]["graphql"];
  return normaliseHistory(
    { graphql } as Parameters<typeof normaliseHistory>[0],
    data.repository,
    data.repository.issue,
  );
}

/** `14:23` on the day the issue was opened, `02-05 09:00` on a later one (UTC). */
function stamp(at: Date, opened: Date): string {
  const day = at.toISOString().slice(0, 10);
  const time = at.toISOString().slice(11, 16);
  return day === opened.toISOString().slice(0, 10) ? time : `${day.slice(5)} ${time}`;
}

export function renderTranscript(history: IssueHistory): string {
  const { issue } = history;
  const hhmm = (at: Date) => stamp(at, issue.createdAt);
  const lines = [
    `# ${issue.title}`,
    "",
    `**#${issue.number}** · ${issue.state === "OPEN" ? "🟢 Open" : "🟣 Closed"} · opened by @${issue.author?.login ?? "ghost"} at ${issue.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `**Labels:** ${issue.labels.map((label) => `\`${label}\``).join(" ") || "none"} · **Assignees:** ${issue.assignees.map((login) => `@${login}`).join(", ") || "none"}`,
    "",
    "<details><summary>Issue body</summary>",
    "",
    issue.body,
    "",
    "</details>",
    "",
  ];
  for (const item of history.items) {
    const by = (item.type === "comment" ? item.author : item.actor)?.login ?? "ghost";
    switch (item.type) {
      case "comment": {
        const reactions = item.appReactions.length ? ` · app reacted ${item.appReactions.join(", ")}` : "";
        const edited = item.editedAt ? ` (edited ${hhmm(item.editedAt)})` : "";
        lines.push(
          "---",
          "",
          `### 💬 @${by} · ${hhmm(item.at)} UTC${edited}${reactions}`,
          "",
          item.body.trim(),
          "",
        );
        break;
      }
      case "labeled":
      case "unlabeled":
        lines.push(
          `> ${hhmm(item.at)} · @${by} ${item.type === "labeled" ? "added" : "removed"} label \`${item.label}\``,
          "",
        );
        break;
      case "closed":
        lines.push(
          `> ${hhmm(item.at)} · @${by} closed this${item.stateReason ? ` as ${item.stateReason.toLowerCase()}` : ""}`,
          "",
        );
        break;
      case "reopened":
        lines.push(`> ${hhmm(item.at)} · @${by} reopened this`, "");
        break;
      case "assigned":
      case "unassigned":
        lines.push(`> ${hhmm(item.at)} · @${by} ${item.type} @${item.assignee}`, "");
        break;
      case "renamed":
        lines.push(`> ${hhmm(item.at)} · @${by} changed the title from “${item.from}” to “${item.to}”`, "");
        break;
      case "cross-referenced":
        lines.push(
          item.pull
            ? `> ${hhmm(item.at)} · @${by} mentioned this in pull request #${item.pull.number} “${item.pull.title}”`
            : `> ${hhmm(item.at)} · @${by} mentioned this issue in #${item.source.number} “${item.source.title}”`,
          "",
        );
        break;
    }
  }
  return `${lines.join("\n").trim()}\n`;
}
