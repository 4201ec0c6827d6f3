import type { PageRequest } from "../../../src/outside/paging/paging-service.js";

/** A SEV-1 page for the demo's search incident; override what a test is about. */
export function pageRequest(overrides: Partial<PageRequest> = {}): PageRequest {
  return {
    incidentId: "INC-20260203-001",
    severity: "SEV-1",
    severityRank: 0,
    urgency: "high",
    title: "Search returns no results",
    summary: "42% of searches returned no results.",
    incidentUrl: "https://github.com/acme/search/issues/42",
    repository: "acme/search",
    service: "search",
    startedAt: "2026-02-03T14:23:07.123Z",
    links: [{ href: "https://runbooks.example.com/search/zero-results", text: "Runbook" }],
    ...overrides,
  };
}

/** Retries without waiting; the delays asked for are recorded. */
export function instantRetries(delays: number[] = []) {
  return {
    sleep: async (ms: number) => {
      delays.push(ms);
    },
    random: () => 1,
  };
}
