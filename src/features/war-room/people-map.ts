/**
 * GitHub login ↔ Slack user id, from `warRoom.people`. Logins compare without case
 * (GitHub ignores it); a Slack id mapped from two logins is ambiguous and acts for nobody.
 */

export type PeopleMap = Readonly<Record<string, string>>;

export function slackIdFor(people: PeopleMap, login: string): string | null {
  const wanted = login.replace(/^@/, "").toLowerCase();
  for (const [each, slackId] of Object.entries(people)) if (each.toLowerCase() === wanted) return slackId;
  return null;
}

export function githubLoginFor(people: PeopleMap, slackUserId: string): string | null {
  const logins = Object.entries(people)
    .filter(([, slackId]) => slackId === slackUserId)
    .map(([login]) => login.toLowerCase());
  const distinct = [...new Set(logins)];
  return distinct.length === 1 ? (distinct[0] as string) : null;
}

export type Invitees = {
  /** Slack ids to invite, once each. */
  slackIds: string[];
  /** Logins with no mapping: looked up by e-mail when allowed, else named on the incident. */
  unmapped: string[];
};

/** Whom to invite for these responders (IC, roles, assignees, on-call). */
export function inviteesFor(people: PeopleMap, logins: readonly string[]): Invitees {
  const slackIds: string[] = [];
  const unmapped: string[] = [];
  for (const login of logins) {
    const slackId = slackIdFor(people, login);
    if (slackId === null) {
      if (!unmapped.includes(login)) unmapped.push(login);
    } else if (!slackIds.includes(slackId)) slackIds.push(slackId);
  }
  return { slackIds, unmapped };
}
