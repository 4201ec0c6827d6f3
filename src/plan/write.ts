import type { ReactionContent } from "../domain/history.js";

/**
 * A plan is a list of typed writes (§2.5): decided purely, printed in a dry run,
 * counted and asserted in tests, and applied in order by one small executor.
 */
export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export type CommentPurpose = "timeline" | "declaration" | "reply";

export type Write =
  | {
      kind: "update-issue";
      title?: string;
      labels?: string[];
      /** Who must be assigned, those already assigned included (the app never unassigns). */
      assignees?: string[];
      state?: "open" | "closed";
      stateReason?: "completed" | "not_planned" | "reopened";
    }
  | { kind: "create-labels"; labels: LabelSpec[] }
  | { kind: "react"; subjectId: string; content: ReactionContent }
  | { kind: "add-comment"; purpose: CommentPurpose; body: string }
  | { kind: "update-comment"; purpose: CommentPurpose; commentId: string; body: string }
  | { kind: "delete-comment"; purpose: CommentPurpose; commentId: string };

export type Plan = Write[];

/** One line per write, for dry runs and logs. */
export function describeWrite(write: Write): string {
  switch (write.kind) {
    case "update-issue": {
      const { kind: _kind, ...fields } = write;
      return `update issue ${JSON.stringify(fields)}`;
    }
    case "create-labels":
      return `create labels ${write.labels.map((label) => label.name).join(", ")}`;
    case "react":
      return `react ${write.content} on ${write.subjectId}`;
    case "add-comment":
      return `add ${write.purpose} comment (${write.body.length} chars)`;
    case "update-comment":
      return `update ${write.purpose} comment ${write.commentId} (${write.body.length} chars)`;
    case "delete-comment":
      return `delete duplicate ${write.purpose} comment ${write.commentId}`;
  }
}
