/** A failure a GitHub API would report: REST maps `kind` to a status, GraphQL to an error `type`. */
export type SimErrorKind =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNPROCESSABLE"
  | "UNAUTHORIZED"
  | "CONFLICT"
  | "NOT_ALLOWED";

export interface FieldError {
  resource: string;
  code: string;
  field: string;
  value?: unknown;
}

const STATUS: Record<SimErrorKind, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNPROCESSABLE: 422,
  UNAUTHORIZED: 401,
  CONFLICT: 409,
  NOT_ALLOWED: 405,
};

export class SimError extends Error {
  readonly kind: SimErrorKind;
  readonly errors: FieldError[];

  constructor(kind: SimErrorKind, message: string, errors: FieldError[] = []) {
    super(message);
    this.name = "SimError";
    this.kind = kind;
    this.errors = errors;
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export function notFound(message = "Not Found"): SimError {
  return new SimError("NOT_FOUND", message);
}
