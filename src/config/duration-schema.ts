import { z } from "zod";
import { parseDuration } from "./duration.js";

/** Loose shape of a duration, for editors (the JSON schema); `parseDuration` decides. */
export const DURATION_PATTERN = "^\\s*(\\d+\\s*[smhdwSMHDW]\\s*)+$";

const DURATION_MESSAGE = "expected a duration such as 5m, 1h, 2d or 1w";

/** Durations as people write them in the config (`5m`, `1h30m`), parsed to milliseconds. */
export const duration = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : DURATION_MESSAGE) })
  .refine((text) => parseDuration(text) !== null, { message: DURATION_MESSAGE })
  .transform((text) => parseDuration(text) as number)
  .meta({ pattern: DURATION_PATTERN, examples: ["5m", "1h30m", "2d", "1w"] });
