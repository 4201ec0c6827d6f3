import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Constant-time checks of the secrets alert sources and paging services send. Every
 * comparison goes through timingSafeEqual on equal-length buffers; bearer tokens are
 * hashed first so a wrong length takes as long as a wrong byte.
 */

export function hmacSha256Hex(secret: string, body: string | Buffer): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** `signature` is hex, optionally prefixed `sha256=` (GitHub's style). */
export function verifyHexHmac(secret: string, body: string | Buffer, signature: string | undefined): boolean {
  if (!signature || secret === "") return false;
  const hex = signature.trim().replace(/^sha256=/i, "");
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(hex, "hex"));
}

/** Grafana signs `timestamp:body` when a timestamp header is configured, else the body. */
export function grafanaSignedContent(body: string | Buffer, timestamp: string | undefined): Buffer {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return timestamp === undefined ? raw : Buffer.concat([Buffer.from(`${timestamp}:`), raw]);
}

/**
 * `X-PagerDuty-Signature: v1=<hex>,v1=<hex>`: several while a secret rotates; one
 * match with any configured secret is enough. Unknown versions are skipped.
 */
export function verifyPagerDutySignature(
  secrets: readonly string[],
  body: string | Buffer,
  header: string | undefined,
): boolean {
  if (!header) return false;
  const signatures = header
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .map((part) => part.slice(3));
  let matched = false;
  // Check every pair, so the time taken does not say which one matched.
  for (const secret of secrets) {
    for (const signature of signatures) {
      if (verifyHexHmac(secret, body, signature)) matched = true;
    }
  }
  return matched;
}

/** `Authorization: Bearer <token>` against the configured token. */
export function verifyBearer(expectedToken: string, authorization: string | undefined): boolean {
  if (!authorization || expectedToken === "") return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(expectedToken));
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
