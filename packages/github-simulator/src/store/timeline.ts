import type { Issue, Repo, TimelineEvent } from "./model.js";
import type { SimStore } from "./store.js";

const PREFIX: Record<TimelineEvent["kind"], string> = {
  LabeledEvent: "LE",
  UnlabeledEvent: "UNLE",
  ClosedEvent: "CE",
  ReopenedEvent: "REE",
  AssignedEvent: "AE",
  UnassignedEvent: "UAE",
  RenamedTitleEvent: "RTE",
  CrossReferencedEvent: "CRE",
  TransferredEvent: "TE",
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewTimelineEvent = DistributiveOmit<TimelineEvent, "seq" | "id" | "nodeId" | "createdAt">;

/** Appends an event to the issue's history, stamped with the clock, and marks the issue updated. */
export function recordEvent(
  store: SimStore,
  repo: Repo,
  issue: Issue,
  fields: NewTimelineEvent,
): TimelineEvent {
  const id = store.nextId();
  const event = {
    ...fields,
    seq: id,
    id,
    nodeId: `${PREFIX[fields.kind]}_${id}`,
    createdAt: store.now(),
  } as TimelineEvent;
  issue.timeline.push(event);
  issue.updatedAt = event.createdAt;
  store.register(event.nodeId, { kind: "event", repo, issue, event });
  return event;
}
