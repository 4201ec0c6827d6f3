import { ConfigSchema } from "../../../src/config/schema.js";
import { type ChatNotice, chatNotice } from "../../../src/features/outward/chat-notice.js";
import { notifiableEntries } from "../../../src/features/outward/due-notices.js";
import type { IssueHistory } from "../../../src/kernel/history.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

export const CONFIG = ConfigSchema.parse({});
export const FORM = readFormTemplate();

/** An incident declared from the form at 14:23, then driven by `comments` (text, HH:MM, author). */
export function incident(comments: Array<[string, string, string?]> = []): IssueHistory {
  const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
  for (const [text, at, by] of comments) builder.comment(text, `2026-02-03T${at}:00Z`, user(by ?? "bob"));
  return builder.history;
}

/** The chat notices of every notifiable entry of a history. */
export function noticesOf(history: IssueHistory, config = CONFIG): ChatNotice[] {
  const state = project(history, { config, botLogin: BOT, formTemplate: FORM });
  const ctx = {
    state,
    config,
    id: "INC-20260203-001",
    title: history.issue.title,
    issueUrl: history.issue.url,
  };
  return notifiableEntries(state.entries).map((entry) => chatNotice(entry, ctx));
}
