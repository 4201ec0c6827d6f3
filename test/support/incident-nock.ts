import { ConfigSchema } from "../../src/config/schema.js";
import { decideIncident } from "../../src/features/incident/decide-incident.js";
import { labelSpecs } from "../../src/features/incident/label-specs.js";
import { readFormTemplate } from "../../src/pipelines/app-deps.js";
import { ITEM_BODY } from "./action-item-facts.js";
import { BOT, bot, FORM_BODY, HistoryBuilder, user } from "./history-builder.js";
import { historyAnswer } from "./nock-github.js";
import { examplePayload, type ReceiveEvent } from "./probot.js";

/** Fixtures for nock tests of handlers around an incident and its action item #7. */
const now = new Date("2026-02-04T10:00:05Z");

export function itemPayload(
  event: "issues" | "issue_comment",
  action: string,
  comment: string,
  sender = "Codertocat",
) {
  const payload = examplePayload(event, action) as ReturnType<typeof examplePayload> & {
    issue: { number: number; body: string; user: { login: string } };
    sender: { login: string };
    comment?: { body: string };
  };
  payload.issue.number = 7;
  payload.issue.body = ITEM_BODY;
  payload.issue.user.login = BOT;
  payload.sender.login = sender;
  if (payload.comment) payload.comment.body = comment;
  return payload as unknown as ReceiveEvent["payload"];
}

/** A declared incident whose declaration and timeline comments exist. */
export function declaredIncident(): HistoryBuilder {
  const builder = new HistoryBuilder({ body: FORM_BODY, author: "Codertocat" }).label(
    "incident",
    "2026-02-03T14:23:00Z",
    user("Codertocat"),
  );
  builder.history.repo.nameWithOwner = "Codertocat/Hello-World";
  builder.history.repo.labels = labelSpecs(ConfigSchema.parse({})).map((label) => ({
    id: `LA_${label.name}`,
    ...label,
  }));
  builder.rename("[INC-20260203-001] Search returns no results", "2026-02-03T14:23:01Z");
  builder
    .label("SEV-2", "2026-02-03T14:23:01Z", bot)
    .label("status: investigating", "2026-02-03T14:23:01Z", bot);
  const config = ConfigSchema.parse({});
  const decision = decideIncident({
    history: builder.history,
    config,
    botLogin: BOT,
    formTemplate: readFormTemplate(),
    now,
    checkLabels: false,
  });
  for (const write of decision.plan)
    if (write.kind === "add-comment") builder.comment(write.body, "2026-02-03T14:23:02Z", bot);
  return builder;
}

/** Answers the incident's read and its comment writes from `builder`, which the writes update. */
export function incidentAnswers(builder: HistoryBuilder, name: string, body: Record<string, unknown>) {
  const answer = historyAnswer(builder, name, body, "2026-02-04T10:00:06Z");
  return answer ? { body: answer } : null;
}
