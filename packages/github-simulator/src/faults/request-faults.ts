import { createPrng, type Prng } from "./prng.js";

/**
 * API faults: a seeded share of the app's requests answered the way GitHub answers
 * on a bad day. `lost-response` is the nasty one for writes: the request takes
 * effect, then the answer is a 502, so a client that retries blindly does it twice.
 */
export type RequestFaultKind =
  | "server-error"
  | "lost-response"
  | "secondary-limit"
  | "primary-limit"
  | "slow";

export interface RequestFaultOptions {
  seed: number;
  /** Share of eligible requests that get a fault, 0…1. */
  rate: number;
  /** Relative weight of each kind (default: equal weights of all kinds). */
  mix?: Partial<Record<RequestFaultKind, number>>;
  /** `retry-after` sent with secondary limits, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** How long a slow answer takes, in real milliseconds (default 25). */
  slowMs?: number;
  /** Which requests may fail (default: the app's, made with an installation token). */
  eligible?: (request: FaultableRequest) => boolean;
}

export interface FaultableRequest {
  method: string;
  path: string;
  auth: string;
}

export interface FaultReply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** `instead`: answered without doing anything; `after`: done, then answered with `reply`. */
export type RequestFault =
  | { kind: RequestFaultKind; when: "instead" | "after"; reply: FaultReply; delayMs: 0 }
  | { kind: "slow"; when: "delay"; delayMs: number };

export interface InjectedFault {
  kind: RequestFaultKind;
  status: number | null;
  method: string;
  path: string;
}

const ALL_KINDS: RequestFaultKind[] = [
  "server-error",
  "lost-response",
  "secondary-limit",
  "primary-limit",
  "slow",
];
const DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";

export class RequestFaults {
  readonly injected: InjectedFault[] = [];
  private readonly prng: Prng;
  private readonly mix: Array<readonly [RequestFaultKind, number]>;

  constructor(private readonly options: RequestFaultOptions) {
    this.prng = createPrng(options.seed);
    this.mix = ALL_KINDS.map((kind) => [kind, options.mix ? (options.mix[kind] ?? 0) : 1] as const);
  }

  /** The fault for this request, or null to answer it normally. */
  decide(request: FaultableRequest): RequestFault | null {
    const eligible = this.options.eligible ?? ((r: FaultableRequest) => r.auth === "installation");
    if (!eligible(request) || !this.prng.chance(this.options.rate)) return null;
    const kind = this.prng.weighted(this.mix);
    const fault = this.build(kind);
    this.injected.push({
      kind,
      status: fault.when === "delay" ? null : fault.reply.status,
      method: request.method,
      path: request.path,
    });
    return fault;
  }

  /** Faults injected so far, by kind. */
  counts(): Record<RequestFaultKind, number> {
    const counts = Object.fromEntries(ALL_KINDS.map((kind) => [kind, 0])) as Record<RequestFaultKind, number>;
    for (const fault of this.injected) counts[fault.kind] += 1;
    return counts;
  }

  private build(kind: RequestFaultKind): RequestFault {
    switch (kind) {
      case "slow":
        return { kind, when: "delay", delayMs: this.options.slowMs ?? 25 };
      case "server-error":
        return { kind, when: "instead", reply: this.serverError(), delayMs: 0 };
      case "lost-response":
        return { kind, when: "after", reply: { status: 502, text: BAD_GATEWAY }, delayMs: 0 };
      case "secondary-limit":
        return { kind, when: "instead", reply: this.secondaryLimit(), delayMs: 0 };
      case "primary-limit":
        return { kind, when: "instead", reply: primaryLimit(), delayMs: 0 };
    }
  }

  private serverError(): FaultReply {
    const status = this.prng.weighted([
      [500, 1],
      [502, 1],
      [503, 1],
    ] as const);
    if (status === 502) return { status, text: BAD_GATEWAY };
    return { status, body: { message: status === 500 ? "Server Error" : "Service Unavailable" } };
  }

  private secondaryLimit(): FaultReply {
    return {
      status: this.prng.chance(0.5) ? 403 : 429,
      headers: { "retry-after": String(this.options.retryAfterSeconds ?? 1) },
      body: {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID SIM:FAULT.",
        documentation_url: `${DOCS}#about-secondary-rate-limits`,
      },
    };
  }
}

const BAD_GATEWAY =
  "<html><body><h1>502 Bad Gateway</h1>The server returned an invalid or incomplete response.</body></html>";

/** The installation's hourly quota is spent; it resets a second from now. */
function primaryLimit(): FaultReply {
  return {
    status: 403,
    headers: {
      "x-ratelimit-remaining": "0",
      "x-ratelimit-used": "5000",
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 1),
    },
    body: { message: "API rate limit exceeded for installation ID 1.", documentation_url: DOCS },
  };
}
