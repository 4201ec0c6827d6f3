import type { Actor, HistoryComment } from "../../kernel/history.js";
import type { ProjectItemFacts, ProjectRead } from "./board-facts.js";

/** Everything one read tells about an action item issue, normalised for the pure decision. */
export interface ActionItemFacts {
  repo: { id: string; nameWithOwner: string; url: string; configOid: string | null };
  item: {
    id: string;
    number: number;
    title: string;
    body: string;
    url: string;
    state: "OPEN" | "CLOSED";
    author: Actor | null;
    assignees: string[];
    labels: string[];
    /** The most recent comments, oldest first: commands and the app's replies. */
    comments: HistoryComment[];
  };
  projectItems: ProjectItemFacts[];
  project: ProjectRead;
  /** The incident the item belongs to, with its recent comments (for notices already posted). */
  incident: {
    id: string;
    number: number;
    title: string;
    url: string;
    comments: Array<{ body: string; author: Actor | null }>;
  } | null;
}
