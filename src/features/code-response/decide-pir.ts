import { clocks } from "../../kernel/clocks.js";
import { trustedMarkers } from "../../kernel/markers.js";
import { opensPirOnResolve, pirBranch, pirPath } from "../../kernel/names.js";
import { CREATED_PULL } from "../../kernel/plan.js";
import { vocabulary } from "../../kernel/projection/state-changes.js";
import { recurrenceFrom } from "../../kernel/recurrence-section.js";
import { exposedSecurityIncident } from "../../kernel/security-exposure.js";
import { dateTime, zoneLabel } from "../../render/format-time.js";
import {
  type CodeContext,
  claim,
  defaultBranch,
  failure,
  incidentRef,
  pending,
  reply,
} from "./code-context.js";
import { codeWords, pirOpenedReply, pirPullBody, pirRefreshedReply, pirStateReply } from "./code-words.js";
import { refreshCommitMessage, refreshDoneBy } from "./pir-refresh-commit.js";
import { refreshSections } from "./pir-sections.js";
import { renderPir } from "./pir-view.js";
import { suspectsFrom } from "./suspects-view.js";

/**
 * The post-incident review pull request (§7): opened on resolution (for the
 * configured severities) or by `/pir`, from `pir/inc-…`, adding the review file
 * prefilled from the incident, with IC and roles as reviewers. `/pir` on an open one
 * refreshes the sections nobody has edited.
 */
const AUTO_KEY = "pir:opened";

export function decidePir(ctx: CodeContext, title: string): void {
  const { state, history, config, id } = ctx;
  const code = history.code;
  if (!id || !state.declaration || code.branches === null) return;
  const commands = pending(ctx, "pir");
  const resolved = state.status === vocabulary(config).resolved;
  const auto = resolved && opensPirOnResolve(config, state.severity) && !ctx.artifacts.replies.has(AUTO_KEY);
  const pull = code.pirPulls[0] ?? null;
  // A security incident's review is never committed to a public repository: say so once, open nothing.
  if (!pull && exposedSecurityIncident(state, history)) {
    const key = commands[0]?.key ?? (auto ? AUTO_KEY : null);
    if (key) reply(ctx, key, (m) => `${m}\n${codeWords.reviewWithheld(history.repo.nameWithOwner)}\n`);
    for (const command of commands.slice(1))
      reply(ctx, command.key, (m) => `${m}\n${codeWords.reviewWithheld(history.repo.nameWithOwner)}\n`);
    return;
  }
  const render = () =>
    renderPir({
      state,
      history,
      config,
      id,
      title,
      suspects: suspectsOf(ctx),
      recurrences: recurrenceFrom(declarationOf(ctx)),
      reviewers: reviewersOf(ctx),
      now: ctx.now,
      templates: ctx.templates,
    });
  const path = pirPath(config, id);
  const branch = pirBranch(id);

  if (!pull) {
    const first = commands[0];
    const key = first?.key ?? (auto ? AUTO_KEY : null);
    if (!key) return;
    const fail = failure(key, codeWords.reviewOpenFailed);
    if (!code.branches.pir) {
      const sha = code.defaultBranchOid;
      if (!sha) return;
      ctx.plan.push({ kind: "create-branch", branch, from: { sha }, reply: null, failure: fail });
    }
    if (!code.pirFile) {
      ctx.plan.push({
        kind: "put-file",
        branch,
        path,
        content: render(),
        sha: null,
        message: `Post-incident review of ${id}`,
        reply: null,
        failure: fail,
      });
    }
    const due = dueText(ctx);
    const replyMarker = claim(ctx, key);
    ctx.plan.push({
      kind: "create-pull",
      head: branch,
      base: defaultBranch(ctx),
      title: `Post-incident review: ${id} ${title}`.slice(0, 250),
      body: pirPullBody({ ...incidentRef(ctx, id), severity: state.severity ?? "—" }, { path, due }),
      reviewers: reviewersOf(ctx).filter((login) => !login.includes("/")),
      teamReviewers: reviewersOf(ctx).flatMap((login) =>
        login.includes("/") ? [login.split("/")[1] as string] : [],
      ),
      reply: { body: pirOpenedReply(replyMarker, { path, due, reviewers: reviewersOf(ctx) }) },
      failure: fail,
    });
    return;
  }

  // The app opened the pull request but the answer was lost: answer now, once.
  const answered = [...ctx.artifacts.replies].some((key) => key === AUTO_KEY || key.startsWith("pir:"));
  const openingKey = commands[0]?.key ?? (auto ? AUTO_KEY : null);
  if (!answered && openingKey && pull.author?.login === ctx.botLogin) {
    const replyMarker = claim(ctx, openingKey);
    const body = pirOpenedReply(replyMarker, { path, due: dueText(ctx), reviewers: reviewersOf(ctx) });
    ctx.plan.push({
      kind: "add-comment",
      purpose: "reply",
      body: body.replaceAll(CREATED_PULL, `#${pull.number}`),
    });
    return;
  }
  const [first] = commands;
  if (!first) return;
  if (pull.state !== "OPEN") {
    reply(ctx, first.key, (m) =>
      pirStateReply(m, pull.number, pull.state === "MERGED" ? "MERGED" : "CLOSED"),
    );
    return;
  }
  // The refresh committed but its answer was lost: answer now with what that commit changed.
  const done = refreshDoneBy(code.branches.pir?.headMessage ?? null, first.key);
  if (done) {
    reply(ctx, first.key, (m) => pirRefreshedReply(m, pull.number, done));
    return;
  }
  const fresh = render();
  const refresh = code.pirFile
    ? refreshSections(code.pirFile.text, fresh)
    : { text: fresh, updated: ["everything"], kept: [] };
  if (code.pirFile && refresh.text === code.pirFile.text) {
    reply(ctx, first.key, (m) => pirStateReply(m, pull.number, "CURRENT"));
    return;
  }
  const replyMarker = claim(ctx, first.key);
  ctx.plan.push({
    kind: "put-file",
    branch: pull.headRefName,
    path,
    content: refresh.text,
    sha: code.pirFile?.oid ?? null,
    message: refreshCommitMessage(id, first.key, refresh),
    reply: { body: pirRefreshedReply(replyMarker, pull.number, refresh) },
    failure: failure(first.key, codeWords.reviewRefreshFailed),
  });
}

/** IC first, then the other roles; people and teams as the roles name them, never the app. */
export function reviewersOf(ctx: CodeContext): string[] {
  const roles = ctx.state.roles;
  const all = [
    ...(roles.ic ?? []),
    ...(roles.lead ?? []),
    ...(roles.comms ?? []),
    ...(roles.scribe ?? []),
    ...(roles.sme ?? []),
  ];
  return [...new Set(all)].filter((login) => login !== ctx.botLogin && !login.endsWith("[bot]"));
}

function dueText(ctx: CodeContext): string | null {
  const due = clocks(ctx.state, ctx.config, ctx.now).pirDue;
  return due ? `${dateTime(due, ctx.config.timeZone)} ${zoneLabel(ctx.config.timeZone)}` : null;
}

function suspectsOf(ctx: CodeContext): string | null {
  return suspectsFrom(declarationOf(ctx));
}

function declarationOf(ctx: CodeContext): string | null {
  const declaration = ctx.history.items.find(
    (item) =>
      item.type === "comment" && trustedMarkers(item, ctx.botLogin).some((m) => m.kind === "declaration"),
  );
  return declaration?.type === "comment" ? declaration.body : null;
}
