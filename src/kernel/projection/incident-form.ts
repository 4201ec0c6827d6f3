import { parseIssue } from "@github/issue-parser";
import { boundedMemo } from "../bounded-memo.js";

/**
 * The incident issue form (`.github/ISSUE_TEMPLATE/incident.yml`) read back from an
 * issue body. People edit bodies, delete sections and paste over them, so every
 * field is optional and a body that is not a form at all gives an empty result.
 */
export interface IncidentForm {
  severity: string | null;
  impact: string | null;
  services: string[];
  /** As typed; the projection turns it into a time with the command parser's rules. */
  started: string | null;
  detection: string | null;
  links: string | null;
  security: boolean;
}

const EMPTY: IncidentForm = {
  severity: null,
  impact: null,
  services: [],
  started: null,
  detection: null,
  links: null,
  security: false,
};

function text(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return null;
  const trimmed = first.trim();
  return trimmed === "" || trimmed === "_No response_" || trimmed === "None" ? null : trimmed;
}

/** Every event projects the incident again; its body rarely changes, and parsing it is slow. */
const parsedForms = boundedMemo<IncidentForm>(200);
/** The form the memo's answers were parsed with (one per process in practice). */
let parsedWith: string | null = null;

export function parseIncidentForm(body: string, template: string): IncidentForm {
  if (template !== parsedWith) {
    parsedForms.clear();
    parsedWith = template;
  }
  const form = parsedForms.get(body ?? "", () => parseForm(body, template));
  // A copy: states built from it are the caller's to change.
  return { ...form, services: [...form.services] };
}

function parseForm(body: string, template: string): IncidentForm {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseIssue(body ?? "", template) as Record<string, unknown>;
  } catch {
    return EMPTY;
  }
  const security = parsed.security as { selected?: unknown[] } | undefined;
  return {
    severity: text(parsed.severity)?.split(/\s+/)[0] ?? null,
    impact: text(parsed.impact),
    services: (text(parsed.services) ?? "")
      .split(/[,\n]/)
      .map((service) => service.trim())
      .filter(Boolean),
    started: text(parsed.started),
    detection: text(parsed.detection),
    links: text(parsed.links),
    security: Array.isArray(security?.selected) && security.selected.length > 0,
  };
}

export function isFormBody(form: IncidentForm): boolean {
  return form.severity !== null || form.impact !== null;
}
