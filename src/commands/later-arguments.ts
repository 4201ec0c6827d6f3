/**
 * Argument parsers of the commands whose effects come with code response and
 * action items (§7, §8): hotfix, rollback, revert, freeze, pir, action, due, owner,
 * priority, metrics. They parse now so people get a clear answer.
 */
import {
  type ArgParser,
  bad,
  EXTRA_TEXT,
  exampleOf,
  missing,
  noArguments,
  ok,
  oneHandle,
  splitFirst,
} from "./argument-result.js";
import { parseAction } from "./parse-action.js";
import { DATE_EXPECTED, parseDueDate } from "./parse-date.js";
import { HANDLE_EXPECTED, matchPriority, PRIORITY_EXPECTED } from "./vocabulary.js";

const REF_EXPECTED = "a name such as `main`, `release/1.4` or `3f2a9c1`";
const HOTFIX_EXPECTED = "`from <branch, tag or SHA>` or `deployed`";

/** A name git would accept as a ref (the rules of `git check-ref-format`, roughly). */
export function isRefName(ref: string): boolean {
  if (ref === "@" || ref.startsWith("-") || ref.startsWith("/") || ref.endsWith("/")) return false;
  if (ref.endsWith(".") || ref.endsWith(".lock") || /\.\.|\/\/|@\{|\/\./.test(ref)) return false;
  const control = Array.from(ref).some((char) => char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127);
  return !control && /^[^\s~^:?*[\\]{1,255}$/.test(ref);
}

/** `/hotfix acme/api …`: the same, in a service's repository. */
const hotfix: ArgParser = (args, ctx) => {
  const [first] = splitFirst(args);
  const named = REPOSITORY.exec(first)?.[1];
  if (named === undefined) return hotfixHere(args, ctx);
  const result = hotfixHere(splitFirst(args)[1], ctx);
  if (!result.ok || result.command.kind !== "hotfix") return result;
  return ok(
    isHere(named, ctx) ? { ...result.command, here: true } : { ...result.command, repository: named },
  );
};

const REPOSITORY_EXPECTED =
  "a service's repository such as `acme/api`, or nothing for the only affected service";

/** `/rollback [owner/repo]`: a new deployment of the last good commit. */
const rollback: ArgParser = (args, ctx) => {
  const example = exampleOf("rollback");
  const [first, rest] = splitFirst(args);
  if (first === "") return ok({ kind: "rollback" });
  const named = REPOSITORY.exec(first)?.[1];
  if (named === undefined) return bad("rollback", "repository", first, REPOSITORY_EXPECTED, example);
  if (rest !== "") return bad("rollback", EXTRA_TEXT, rest, "nothing after the repository", example);
  return ok(isHere(named, ctx) ? { kind: "rollback", here: true } : { kind: "rollback", repository: named });
};

const MOVE_EXPECTED =
  "the incidents repository such as `acme/incidents`, or nothing for `organisation.repository`";

/** `/move [owner/repo]`: to the incidents repository (or the security repository). */
const move: ArgParser = (args) => {
  const example = exampleOf("move");
  const [first, rest] = splitFirst(args);
  if (first === "") return ok({ kind: "move" });
  const named = REPOSITORY.exec(first)?.[1];
  if (named === undefined) return bad("move", "repository", first, MOVE_EXPECTED, example);
  if (rest !== "") return bad("move", EXTRA_TEXT, rest, "nothing after the repository", example);
  return ok({ kind: "move", repository: named });
};

const REPOSITORY = /^([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+)$/;

function isHere(named: string, ctx: { repository?: string }): boolean {
  return ctx.repository !== undefined && named.toLowerCase() === ctx.repository.toLowerCase();
}

const hotfixHere: ArgParser = (args) => {
  const example = exampleOf("hotfix");
  const [first, rest] = splitFirst(args);
  if (first === "") return ok({ kind: "hotfix", from: null });
  if (first.toLowerCase() === "deployed") {
    return rest === ""
      ? ok({ kind: "hotfix", from: "deployed" })
      : bad("hotfix", EXTRA_TEXT, rest, "nothing after `deployed`", example);
  }
  if (first.toLowerCase() !== "from") return bad("hotfix", "source", args, HOTFIX_EXPECTED, example);
  const [ref, extra] = splitFirst(rest);
  if (ref === "") return missing("hotfix", "ref", REF_EXPECTED, example);
  if (!isRefName(ref)) return bad("hotfix", "ref", ref, REF_EXPECTED, example);
  if (extra !== "") return bad("hotfix", EXTRA_TEXT, extra, "nothing after the ref", example);
  return ok({ kind: "hotfix", from: ref.toLowerCase() === "deployed" ? "deployed" : ref });
};

const PR_EXPECTED = "a pull request number such as `#123`, or its URL";
const PR_URL = /^https?:\/\/[^/\s]+\/([^/\s]+)\/([^/\s]+)\/pull\/(\d+)(?:[/?#]\S*)?$/i;
/** `acme/api#12`: a pull request of another repository, as GitHub writes the reference. */
const REPO_PR = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)#(\d+)$/;

const revert: ArgParser = (args, ctx) => {
  const example = exampleOf("revert");
  const [first, rest] = splitFirst(args);
  if (first === "") return missing("revert", "pull request", PR_EXPECTED, example);
  const url = PR_URL.exec(first) ?? REPO_PR.exec(first);
  const digits = url?.[3] ?? /^#?(\d+)$/.exec(first)?.[1];
  const pr = Number(digits);
  if (digits === undefined || !Number.isSafeInteger(pr) || pr < 1)
    return bad("revert", "pull request", first, PR_EXPECTED, example);
  const named = url === null ? undefined : `${url[1]}/${url[2]}`;
  // A pull request of this repository is written `#12`; only another repository is kept.
  const here = ctx.repository !== undefined && named?.toLowerCase() === ctx.repository.toLowerCase();
  const repository = here ? undefined : named;
  if (rest !== "") return bad("revert", EXTRA_TEXT, rest, "nothing after the pull request", example);
  return ok(repository ? { kind: "revert", pr, repository } : { kind: "revert", pr });
};

const freeze: ArgParser = (args) => {
  const [first, rest] = splitFirst(args);
  const setting = first.toLowerCase();
  if (setting !== "" && setting !== "on" && setting !== "off") {
    return bad("freeze", "setting", first, "`on` or `off`", exampleOf("freeze"));
  }
  if (rest !== "") return bad("freeze", EXTRA_TEXT, rest, "nothing after `on` or `off`", exampleOf("freeze"));
  return ok({ kind: "freeze", on: setting !== "off" });
};

const due: ArgParser = (args, ctx) => {
  if (args === "") return missing("due", "date", DATE_EXPECTED, exampleOf("due"));
  const date = parseDueDate(args, ctx.now, ctx.timeZone);
  return date === null
    ? bad("due", "date", args, DATE_EXPECTED, exampleOf("due"))
    : ok({ kind: "due", due: date });
};

const owner: ArgParser = (args) => {
  const handle = oneHandle("owner", args, HANDLE_EXPECTED);
  return typeof handle === "string" ? ok({ kind: "owner", handle }) : handle;
};

const priority: ArgParser = (args) => {
  const [first, rest] = splitFirst(args);
  if (first === "") return missing("priority", "priority", PRIORITY_EXPECTED, exampleOf("priority"));
  const value = matchPriority(first);
  if (value === null) return bad("priority", "priority", first, PRIORITY_EXPECTED, exampleOf("priority"));
  if (rest !== "")
    return bad("priority", EXTRA_TEXT, rest, "nothing after the priority", exampleOf("priority"));
  return ok({ kind: "priority", priority: value });
};

export const LATER_ARGUMENTS = {
  hotfix,
  rollback,
  move,
  revert,
  freeze,
  pir: noArguments("pir", { kind: "pir" }),
  action: parseAction,
  due,
  owner,
  priority,
  metrics: noArguments("metrics", { kind: "metrics" }),
  incidents: noArguments("incidents", { kind: "incidents" }),
} satisfies Record<string, ArgParser>;
