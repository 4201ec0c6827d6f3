import { z } from "zod";

/**
 * Opsgenie Alert API request bodies, with the limits its documentation gives;
 * anything else is refused with a 422 naming the field.
 */
function must(message: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message) };
}

const text = (max: number) =>
  z.string(must("must be a string")).max(max, `can not be longer than ${max} characters`);

const responder = z
  .strictObject({
    type: z.enum(
      ["team", "user", "escalation", "schedule"],
      must("must be one of team, user, escalation, schedule"),
    ),
    id: text(130).optional(),
    name: text(130).optional(),
    username: text(130).optional(),
  })
  .refine((r) => (r.type === "user" ? Boolean(r.id || r.username) : Boolean(r.id || r.name)), {
    message: "needs an id, or a name (username for users)",
  });

export const createAlertSchema = z.strictObject({
  message: z
    .string(must("must be a string"))
    .min(1, "can not be empty")
    .max(130, "can not be longer than 130 characters"),
  alias: text(512).optional(),
  description: text(15_000).optional(),
  responders: z.array(responder, must("must be a list")).max(50).optional(),
  visibleTo: z.array(responder, must("must be a list")).max(50).optional(),
  actions: z.array(text(50), must("must be a list")).max(10, "can have at most 10 actions").optional(),
  tags: z.array(text(50), must("must be a list")).max(20, "can have at most 20 tags").optional(),
  details: z
    .record(z.string(), z.string(must("values must be strings")), must("must be an object"))
    .refine((details) => JSON.stringify(details).length <= 8000, "can not be longer than 8000 characters")
    .optional(),
  entity: text(512).optional(),
  source: text(100).optional(),
  priority: z.enum(["P1", "P2", "P3", "P4", "P5"], must("must be one of P1, P2, P3, P4, P5")).optional(),
  user: text(100).optional(),
  note: text(25_000).optional(),
});

export type CreateAlertBody = z.output<typeof createAlertSchema>;

/** Acknowledge and close take the same optional body. */
export const alertActionSchema = z.strictObject({
  user: text(100).optional(),
  source: text(100).optional(),
  note: text(25_000).optional(),
});

/** `{ "message": "can not be empty", "responders[0]": "..." }`, like Opsgenie's 422 `errors`. */
export function opsgenieErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors[[...issue.path, key].join(".")] = "is not a recognised field";
    } else {
      errors[issue.path.join(".") || "body"] = issue.message;
    }
  }
  return errors;
}
