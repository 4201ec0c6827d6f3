import { z } from "zod";

/**
 * PagerDuty Events API v2's request body, exactly as documented: anything else is
 * an invalid event. Messages name the field, as PagerDuty's `errors` list does.
 */
function must(message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? "is missing" : message) };
}

const text = z.string(must("must be a string"));

const payload = z.strictObject({
  summary: text.min(1, "must not be empty").max(1024, "must be at most 1024 characters"),
  source: text.min(1, "must not be empty"),
  severity: z.enum(
    ["critical", "error", "warning", "info"],
    must("must be one of critical, error, warning, info"),
  ),
  timestamp: text
    .refine(
      (value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)),
      "must be an ISO 8601 timestamp",
    )
    .optional(),
  component: text.optional(),
  group: text.optional(),
  class: text.optional(),
  custom_details: z.record(z.string(), z.unknown(), { error: "must be an object" }).optional(),
});

export const pagerDutyEventSchema = z
  .strictObject({
    routing_key: text.length(32, "is incorrect (should be 32 characters)"),
    event_action: z.enum(
      ["trigger", "acknowledge", "resolve"],
      must("must be one of trigger, acknowledge, resolve"),
    ),
    dedup_key: text.min(1, "must not be empty").max(255, "must be at most 255 characters").optional(),
    payload: payload.optional(),
    client: text.optional(),
    client_url: text.optional(),
    links: z
      .array(z.strictObject({ href: text, text: text.optional() }), { error: "must be an array" })
      .optional(),
    images: z
      .array(z.strictObject({ src: text, href: text.optional(), alt: text.optional() }), {
        error: "must be an array",
      })
      .optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === "trigger" && !event.payload)
      ctx.addIssue({ code: "custom", path: ["payload"], message: "is required for trigger events" });
    if (event.event_action !== "trigger" && !event.dedup_key)
      ctx.addIssue({
        code: "custom",
        path: ["dedup_key"],
        message: `is required for ${event.event_action} events`,
      });
  });

export type PagerDutyEventBody = z.output<typeof pagerDutyEventSchema>;

/** `'payload.severity' must be one of ...`; unknown fields one by one. */
export function pagerDutyErrors(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `'${path ? `${path}.` : ""}${key}' is not a recognised field`);
    }
    return [`'${path}' ${issue.message}`];
  });
}
