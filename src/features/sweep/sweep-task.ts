/**
 * What the sweep decided to do, as data (§10): printed in a dry run, counted in
 * tests, and each posted as one comment whose marker carries `key`, the window it
 * serves, so the same moment decided again yields nothing.
 */
export type SweepTask =
  | {
      kind: "update-nudge";
      incident: number;
      key: string;
      mentions: string[];
      /** When the missed update was due. */
      dueAt: Date;
    }
  | { kind: "ack-overdue"; incident: number; key: string; mentions: string[]; target: number }
  /** A rule of `commsPrompts` holds: the comms role is asked to talk to customers, with a draft. */
  | { kind: "comms-prompt"; incident: number; key: string; mentions: string[]; reason: string }
  /** Nobody took the incident commander role within the severity's `icWithin`. */
  | { kind: "ic-overdue"; incident: number; key: string; mentions: string[]; target: number }
  | {
      kind: "escalation";
      incident: number;
      key: string;
      /** 1-based level of the policy. */
      level: number;
      when: "unacknowledged" | "no-update" | "unresolved";
      after: number;
      mentions: string[];
    }
  | { kind: "auto-severity"; incident: number; key: string; from: string; to: string; after: number }
  /** `pageAfter`: a `notify` still unacknowledged becomes a high-urgency page. */
  | { kind: "page-after"; incident: number; key: string; severity: string; after: number; mentions: string[] }
  | {
      kind: "pir-reminder";
      incident: number;
      key: string;
      window: "soon" | "overdue";
      dueAt: Date;
      mentions: string[];
    }
  | {
      kind: "item-reminder";
      item: number;
      key: string;
      window: "soon" | "today" | "overdue";
      /** `YYYY-MM-DD`. */
      due: string;
      mentions: string[];
      incident: number | null;
    };

export type SweepActionKind = SweepTask["kind"];

/** The issue a sweep action is posted on. */
export function taskTarget(action: SweepTask): number {
  return action.kind === "item-reminder" ? action.item : action.incident;
}

/** One line per action, for dry runs and logs. */
export function describeSweepTask(action: SweepTask): string {
  const who =
    "mentions" in action && action.mentions.length
      ? ` → ${action.mentions.map((m) => `@${m}`).join(", ")}`
      : "";
  switch (action.kind) {
    case "update-nudge":
      return `#${action.incident} update overdue since ${action.dueAt.toISOString()}${who}`;
    case "ack-overdue":
      return `#${action.incident} not acknowledged within its target${who}`;
    case "comms-prompt":
      return `#${action.incident} external communication: ${action.reason}${who}`;
    case "ic-overdue":
      return `#${action.incident} no incident commander within its target${who}`;
    case "escalation":
      return `#${action.incident} escalation level ${action.level} (${action.when})${who}`;
    case "page-after":
      return `#${action.incident} paged: unacknowledged ${action.severity} notification (pageAfter)${who}`;
    case "auto-severity":
      return `#${action.incident} severity ${action.from} → ${action.to} (unresolved too long)`;
    case "pir-reminder":
      return `#${action.incident} post-incident review ${action.window === "soon" ? "due soon" : "overdue"} (due ${action.dueAt.toISOString()})${who}`;
    case "item-reminder":
      return `#${action.item} action item ${action.window === "soon" ? "due soon" : action.window === "today" ? "due today" : "overdue"} (due ${action.due})${who}`;
  }
}
