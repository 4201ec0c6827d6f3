import { isCodeWrite } from "../../src/github/apply-answered.js";
import type { HistoryComment, IssueHistory } from "../../src/kernel/history.js";
import { type CreatedIssue, fillRefs, type Plan, type Write } from "../../src/kernel/plan.js";
import { bot } from "./history-builder.js";

/**
 * Applies a plan to an in-memory history the way GitHub would, including its size
 * limits, so pure tests can check that deciding again after applying plans nothing.
 */
export const COMMENT_LIMIT = 65_536;
export const TITLE_LIMIT = 256;

let lastId = 900_000;
const newId = () => {
  lastId += 1;
  return lastId;
};

export function applyInMemory(history: IssueHistory, plan: Plan, at: Date): void {
  const created = new Map<string, CreatedIssue>();
  const failed = new Set<string>();
  for (const planned of plan) {
    let write = planned;
    if (write.kind === "add-comment") write = { ...write, body: fillRefs(write.body, created) };
    if (write.kind === "create-issue") {
      // Another issue (an action item): only its number reaches this history, through the note.
      const number = newId();
      created.set(write.ref, {
        ref: write.ref,
        number,
        url: `${history.repo.url}/issues/${number}`,
        id: `I_${number}`,
      });
      continue;
    }
    if (isCodeWrite(write)) {
      // Branches and pull requests live outside this history: GitHub refusing them is answered
      // like any refusal, once per command (the rest of its writes are skipped, as applyPlan does).
      if ("failure" in write && write.failure && !failed.has(write.failure.key)) {
        failed.add(write.failure.key);
        const body = `${write.failure.marker}\n⚠️ ${write.failure.what}: refused in memory.\n`;
        applyWrite(history, { kind: "add-comment", purpose: "reply", body }, at);
      }
      continue;
    }
    applyWrite(history, write, at);
  }
}

function applyWrite(history: IssueHistory, write: Write, at: Date): void {
  const { issue, items } = history;
  const event = (rest: Record<string, unknown>) =>
    items.push({ id: `E_${newId()}`, at, actor: bot, ...rest } as IssueHistory["items"][number]);
  const comment = (id: string): HistoryComment => {
    const found = items.find((item): item is HistoryComment => item.type === "comment" && item.id === id);
    if (!found) throw new Error(`GitHub: NOT_FOUND ${id}`);
    return found;
  };
  const checkBody = (body: string) => {
    if (body.length > COMMENT_LIMIT) throw new Error(`GitHub 422: body is too long (${body.length})`);
    if (body.trim() === "") throw new Error("GitHub 422: body is empty");
  };
  switch (write.kind) {
    case "create-labels":
      for (const label of write.labels) history.repo.labels.push({ id: `LA_${label.name}`, ...label });
      return;
    case "update-issue":
      if (write.title !== undefined && write.title !== issue.title) {
        if (write.title.length > TITLE_LIMIT)
          throw new Error(`GitHub 422: title is too long (${write.title.length})`);
        event({ type: "renamed", from: issue.title, to: write.title });
        issue.title = write.title;
      }
      if (write.labels) {
        for (const label of issue.labels.filter((name) => !write.labels?.includes(name)))
          event({ type: "unlabeled", label });
        for (const label of write.labels.filter((name) => !issue.labels.includes(name)))
          event({ type: "labeled", label });
        issue.labels = [...write.labels];
      }
      if (write.assignees) issue.assignees = [...write.assignees];
      if (write.state === "closed" && issue.state === "OPEN") {
        event({ type: "closed", stateReason: "COMPLETED" });
        issue.state = "CLOSED";
      } else if (write.state === "open" && issue.state === "CLOSED") {
        event({ type: "reopened" });
        issue.state = "OPEN";
      }
      return;
    case "react": {
      const target = comment(write.subjectId);
      if (!target.appReactions.includes(write.content)) target.appReactions.push(write.content);
      return;
    }
    case "add-comment": {
      checkBody(write.body);
      const databaseId = newId();
      items.push({
        type: "comment",
        id: `IC_${databaseId}`,
        databaseId,
        url: `${issue.url}#issuecomment-${databaseId}`,
        body: write.body,
        at,
        editedAt: null,
        author: bot,
        association: "NONE",
        appReactions: [],
      });
      return;
    }
    case "update-comment": {
      checkBody(write.body);
      const target = comment(write.commentId);
      target.body = write.body;
      target.editedAt = at;
      return;
    }
    case "delete-comment": {
      const index = items.findIndex((item) => item.type === "comment" && item.id === write.commentId);
      if (index >= 0) items.splice(index, 1);
      return;
    }
  }
}
