/**
 * What the app asks of a paging service, whichever it is. Pages are deduplicated by
 * incident id (PagerDuty's `dedup_key`, Opsgenie's `alias`), so sending the same
 * trigger twice opens one page. Results never throw: a page that could not be
 * delivered comes back as data the caller reports on the incident.
 */
export type PagingProvider = "pagerduty" | "opsgenie";
export type PagingAction = "trigger" | "acknowledge" | "resolve";

export interface PageLink {
  href: string;
  text: string;
}

export interface PageRequest {
  /** `INC-20260203-001`: the dedupe key on the paging side, unless `dedupKey` is given. */
  incidentId: string;
  /** A page of its own for the incident (`INC-20260203-001:escalation-1`). */
  dedupKey?: string;
  /** Whom a page of its own is for: GitHub logins, or `service:<name>`. */
  to?: readonly string[];
  /** Severity name as configured, e.g. `SEV-1`. */
  severity: string;
  /** Position of the severity in the configured list, 0 = most severe. */
  severityRank: number;
  /** `high` for `page`, `low` for `notify` (no phone call). */
  urgency: "high" | "low";
  title: string;
  summary: string;
  /** The incident issue on GitHub; always linked from the page. */
  incidentUrl: string;
  /** `owner/name` of the incident's repository. */
  repository: string;
  service?: string;
  startedAt?: string;
  links?: readonly PageLink[];
  details?: Readonly<Record<string, string>>;
}

export type PagingFailure =
  /** The service refused the request as malformed (4xx); retrying will not help. */
  | { kind: "rejected"; status: number; message: string; errors: string[] }
  /** The key is wrong or lacks rights. */
  | { kind: "unauthorized"; status: number; message: string }
  /** Every attempt was throttled, failed on the server, or never got an answer. */
  | { kind: "gave-up"; status: number | null; message: string };

interface ResultBase {
  provider: PagingProvider;
  action: PagingAction;
  incidentId: string;
  attempts: number;
}

export type PageResult =
  | (ResultBase & { ok: true; reference: string | null })
  | (ResultBase & { ok: false; failure: PagingFailure });

export interface PagingService {
  readonly provider: PagingProvider;
  trigger(page: PageRequest): Promise<PageResult>;
  /** By dedupe key: the incident id, or a page of its own's key. */
  acknowledge(dedupKey: string, note?: string): Promise<PageResult>;
  resolve(dedupKey: string, note?: string): Promise<PageResult>;
}

/** `[INC-…] SEV-1: title`, and whom a page of its own is for. */
export function pageHeadline(page: PageRequest): string {
  const forWhom = (page.to ?? []).map((one) => (one.startsWith("service:") ? one.slice(8) : `@${one}`));
  return `[${page.incidentId}] ${page.severity}: ${page.title}${forWhom.length ? ` (for ${forWhom.join(", ")})` : ""}`;
}

const PROVIDER_NAMES: Record<PagingProvider, string> = { pagerduty: "PagerDuty", opsgenie: "Opsgenie" };

/** One line for the incident: what was not delivered and why. */
export function describePagingFailure(result: Extract<PageResult, { ok: false }>): string {
  const name = PROVIDER_NAMES[result.provider];
  const what = `${name} did not take the ${result.action} for ${result.incidentId}`;
  const { failure } = result;
  const tries = result.attempts === 1 ? "1 attempt" : `${result.attempts} attempts`;
  switch (failure.kind) {
    case "rejected":
      return `${what}: ${failure.message}${failure.errors.length ? ` (${failure.errors.join("; ")})` : ""}.`;
    case "unauthorized":
      return `${what}: the key was refused (HTTP ${failure.status}); check the configured key.`;
    case "gave-up":
      return `${what} after ${tries}: ${failure.message}.`;
  }
}
