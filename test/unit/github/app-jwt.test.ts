import { generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { JWT_REUSE_MS, reusedAppJwt } from "../../../src/github/app-jwt.js";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;

/** The JWT's claims, after checking its RS256 signature with the app's public key (as GitHub does). */
function claims(jwt: string): { iat: number; exp: number; iss: number | string } {
  const [header = "", payload = "", signature = ""] = jwt.split(".");
  const signed = verify(
    "sha256",
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature, "base64url"),
  );
  expect(signed).toBe(true);
  expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({ alg: "RS256", typ: "JWT" });
  return JSON.parse(Buffer.from(payload, "base64url").toString());
}

describe("the app's JWT", () => {
  const start = Date.parse("2026-12-05T01:00:00Z");

  it("is signed once for the installations asking within a minute, and valid for GitHub for nine more", async () => {
    let now = start;
    const createJwt = reusedAppJwt(pem, () => now);
    const [first, second] = await Promise.all([createJwt(42), createJwt(42)]);
    expect(second).toBe(first);
    now = start + JWT_REUSE_MS - 1;
    const later = await createJwt(42);
    expect(later.jwt).toBe(first?.jwt);

    const { iat, exp, iss } = claims(later.jwt);
    expect(iss).toBe(42);
    // Issued 30 s early (clock drift), expiring 10 minutes after that: GitHub's longest.
    expect(iat).toBe(start / 1000 - 30);
    expect(exp).toBe(iat + 600);
    expect(later.expiresAt).toBe(new Date(exp * 1000).toISOString());
    // Still nine minutes of life left when it is last handed out.
    expect(exp * 1000 - now).toBeGreaterThan(9 * 60_000 - 30_000);
  });

  it("is signed anew after a minute", async () => {
    let now = start;
    const createJwt = reusedAppJwt(pem, () => now);
    const first = await createJwt(42);
    now = start + JWT_REUSE_MS;
    const next = await createJwt(42);
    expect(next.jwt).not.toBe(first.jwt);
    expect(claims(next.jwt).iat).toBe((start + JWT_REUSE_MS) / 1000 - 30);
  });

  it("is signed for GitHub's clock when auth-app retries a clock-skew error with a time difference", async () => {
    const createJwt = reusedAppJwt(pem, () => start);
    const plain = await createJwt(42);
    const skewed = await createJwt(42, 120);
    expect(claims(skewed.jwt).iat).toBe(start / 1000 + 120 - 30);
    expect(skewed.jwt).not.toBe(plain.jwt);
  });

  it("is not kept when signing fails, so the next request tries again", async () => {
    const createJwt = reusedAppJwt("not a key", () => start);
    await expect(createJwt(42)).rejects.toThrow();
    await expect(createJwt(42)).rejects.toThrow();
  });
});
