import type { Delivery, RequestLogEntry } from "@incident-app/github-simulator";
import type { IncidentFixture } from "../../test/support/incident-fixture.js";
import { FORM, OWNER, PEOPLE, REPO } from "../demo/scenario.js";

/** Shared helpers for the benchmark: file incidents, comment, and count a delivery's requests. */
export { OWNER, PEOPLE, REPO };

/** Files a fresh incident from the form (declared on its `issues.opened` delivery) and waits for it. */
export async function fileIncident(
  fx: IncidentFixture,
): Promise<{ number: number; delivery: Delivery; all: RequestLogEntry[] }> {
  const before = fx.sim.deliveries.length;
  const mark = fx.sim.log.length;
  const number = fx.sim.fileIssueForm(
    PEOPLE.alice,
    { owner: OWNER, name: REPO },
    { ...FORM, labels: ["incident"] },
  );
  await fx.settle();
  // The form's label arrives as `issues.labeled`: the first delivery that reads the history declares.
  const all = fx.requestsSince(mark);
  const delivery = fx.sim.deliveries
    .slice(before)
    .find((d) => all.some((entry) => entry.delivery === d.id && entry.graphql === "IncidentHistory"));
  if (!delivery) throw new Error("bench: no delivery declared the filed incident");
  return { number, delivery, all };
}

/** Comments as `who` and returns the comment's `issue_comment.created` delivery once everything settled. */
export async function commentOn(
  fx: IncidentFixture,
  number: number,
  who: string,
  body: string,
): Promise<Delivery> {
  const { data } = await fx.sim
    .as(who)
    .rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: number, body });
  await fx.settle();
  const delivery = fx.sim.deliveries.find(
    (d) =>
      d.event === "issue_comment" &&
      d.action === "created" &&
      (d.payload.comment as { id?: number } | undefined)?.id === data.id,
  );
  if (!delivery) throw new Error(`bench: no delivery for comment ${body}`);
  return delivery;
}

/** The app's API requests made while handling `delivery` (token requests are already left out). */
export function requestsFor(fx: IncidentFixture, delivery: Delivery): RequestLogEntry[] {
  return fx.sim.appRequests().filter((entry) => entry.delivery === delivery.id);
}

/** Every app request made after log index `mark`, whatever delivery caused it (follow-up webhooks included). */
export function requestsAfter(fx: IncidentFixture, mark: number): RequestLogEntry[] {
  return fx.requestsSince(mark);
}
