import { z } from "zod";

/** A GitHub user (`@alice`, `bot[bot]`) or team (`@org/team`), with or without `@`. */
export const LOGIN_PATTERN = /^@?[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?(\/[A-Za-z0-9._-]+)?$/;

export const login = z
  .string()
  .regex(LOGIN_PATTERN, { message: "expected a GitHub user (`@alice`) or team (`@org/team`)" })
  .transform((text) => text.replace(/^@/, ""));
