import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import type { RepositoryElsewhere } from "../../../src/kernel/code-history.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import {
  BOT,
  bot,
  elsewhereFact,
  FORM_BODY,
  HistoryBuilder,
  pullFact,
  user,
} from "../../support/history-builder.js";

/**
 * Organisation mode (§13): the code of another repository on the incident's timeline, as
 * its own code shows: the hotfix branch made there, pull requests from it, deployments
 * during the incident, each named with the repository.
 */
const config = ConfigSchema.parse({ services: { search: { repository: "acme/search-service" } } });
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
const ID = "INC-20260203-001";
const SHA = "abcdef1234567890abcdef1234567890abcdef12";

function elsewhere(code: Partial<NonNullable<RepositoryElsewhere["code"]>> = {}): RepositoryElsewhere {
  return elsewhereFact("acme/search-service", {
    code: { deployments: [], hotfix: null, hotfixPulls: [], ...code },
  });
}

function deployment(id: number, at: string, ref = "main") {
  return {
    id,
    sha: SHA,
    environment: "production",
    ref,
    createdAt: new Date(at),
    creator: "dave",
    description: null,
    statuses: [{ state: "SUCCESS", at: new Date(at), by: "dave", description: `Deploy #${id}` }],
  };
}

function history(repo: RepositoryElsewhere, withReply = true) {
  const builder = new HistoryBuilder({ body: FORM_BODY })
    .label("incident", "2026-02-03T14:23:00Z")
    .comment(`<!-- incident-app:declaration id=${ID} -->\nDeclared`, "2026-02-03T14:23:02Z", bot)
    .comment("/hotfix acme/search-service from v1.2", "2026-02-03T14:30:00Z", user("dave"), {
      databaseId: 50,
    });
  if (withReply)
    builder.comment(
      `<!-- incident-app:reply key=hotfix:50:1 branch=acme/search-service:hotfix/inc-20260203-001 -->\n🌿 Created`,
      "2026-02-03T14:30:05Z",
      bot,
    );
  builder.history.issue.title = `[${ID}] Search down`;
  builder.history.elsewhere = [repo];
  return builder.history;
}

const rows = (repo: RepositoryElsewhere, withReply = true) =>
  project(history(repo, withReply), ctx).entries.map((entry) => entry.text);

describe("another repository's code on the incident's timeline", () => {
  it("shows the hotfix branch made there at the command that asked for it, named with its repository", () => {
    expect(rows(elsewhere())).toContain(
      "Hotfix branch `acme/search-service:hotfix/inc-20260203-001` created from `v1.2`",
    );
  });

  it("shows it when the branch is found there though the reply is gone, and not when neither is", () => {
    const found = elsewhere({ hotfix: { name: "hotfix/inc-20260203-001", oid: SHA } });
    expect(rows(found, false).some((text) => text.startsWith("Hotfix branch `acme/search-service:"))).toBe(
      true,
    );
    expect(rows(elsewhere(), false).some((text) => text.startsWith("Hotfix branch"))).toBe(false);
  });

  it("lists pull requests from the hotfix branch there as hotfix pull requests", () => {
    const pull = pullFact(7, {
      at: "2026-02-03T14:40:00Z",
      url: "https://github.com/acme/search-service/pull/7",
      headRefName: "hotfix/inc-20260203-001",
    });
    expect(rows(elsewhere({ hotfixPulls: [pull] }))).toContainEqual(
      expect.stringContaining("Hotfix PR acme/search-service#7 opened"),
    );
  });

  it("shows deployments of its default branch during the incident only", () => {
    const texts = rows(
      elsewhere({
        deployments: [
          deployment(1, "2026-02-03T14:00:00Z"),
          deployment(2, "2026-02-03T14:45:00Z"),
          deployment(3, "2026-02-03T14:46:00Z", "feature"),
        ],
      }),
    );
    const deployed = texts.filter((text) => text.startsWith("Deployment"));
    expect(deployed).toEqual(["Deployment of `acme/search-service` to production succeeded (`abcdef1`)"]);
  });
});
