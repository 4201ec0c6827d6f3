import { parseActionItemBody } from "../../kernel/action-item-body.js";
import type { IssueHistory } from "../../kernel/history.js";
import type { IncidentState } from "../../kernel/incident-state.js";
import { isApp } from "../../kernel/markers.js";
import { parseIncidentForm } from "../../kernel/projection/incident-form.js";

/**
 * Recurrence (§8): earlier incidents of the repository on one of this incident's
 * services, newest first, each with the action items still open for it. Pure: the
 * read brought the window's incidents and the repository's open action items.
 */
export interface Recurrence {
  /** `owner/name` when another repository than the incident's. */
  repo: string | null;
  number: number;
  title: string;
  url: string;
  createdAt: Date;
  services: string[];
  openItems: Array<{ number: number; title: string; url: string }>;
}

export function findRecurrences(
  state: IncidentState,
  history: IssueHistory,
  botLogin: string,
  formTemplate: string,
  /** `recurrence.window`: GitHub's `since` filters by update, so creation is checked here. */
  window: number,
): Recurrence[] | null {
  const past = history.repo.pastIncidents;
  if (!past) return null;
  const mine = new Set(state.form.services.map((service) => service.toLowerCase()));
  if (mine.size === 0) return [];
  const items = (history.repo.openActionItems ?? []).filter((item) => isApp(item.author, botLogin));
  const declaredAt = state.declaration?.at ?? history.issue.createdAt;
  const here = history.repo.nameWithOwner;
  return past
    .filter(
      (incident) =>
        !((incident.repo ?? here) === here && incident.number === history.issue.number) &&
        incident.createdAt < declaredAt &&
        incident.createdAt.getTime() >= declaredAt.getTime() - window,
    )
    .flatMap((incident) => {
      const services = parseIncidentForm(incident.body, formTemplate).services.filter((service) =>
        mine.has(service.toLowerCase()),
      );
      if (services.length === 0) return [];
      const openItems = items
        .filter(
          (item) =>
            (item.repo ?? here) === (incident.repo ?? here) &&
            parseActionItemBody(item.body).meta?.incident === incident.number,
        )
        .map(({ number, title, url }) => ({ number, title, url }));
      return [
        {
          repo: incident.repo && incident.repo !== here ? incident.repo : null,
          number: incident.number,
          title: incident.title,
          url: incident.url,
          createdAt: incident.createdAt,
          services,
          openItems,
        },
      ];
    });
}
