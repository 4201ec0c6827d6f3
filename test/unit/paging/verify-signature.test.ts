import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  grafanaSignedContent,
  hmacSha256Hex,
  verifyBearer,
  verifyHexHmac,
  verifyPagerDutySignature,
} from "../../../src/outside/verify-signature.js";

const secret = randomBytes(24).toString("hex");
const other = randomBytes(24).toString("hex");
const body = JSON.stringify({ status: "firing", alerts: [] });

describe("verifyHexHmac", () => {
  it("accepts the body's signature, bare or sha256= prefixed, in any case", () => {
    const signature = hmacSha256Hex(secret, body);
    expect(verifyHexHmac(secret, body, signature)).toBe(true);
    expect(verifyHexHmac(secret, Buffer.from(body), `sha256=${signature.toUpperCase()}`)).toBe(true);
  });

  it("refuses a changed body, another secret, a short or missing signature, an empty secret", () => {
    const signature = hmacSha256Hex(secret, body);
    expect(verifyHexHmac(secret, `${body} `, signature)).toBe(false);
    expect(verifyHexHmac(other, body, signature)).toBe(false);
    expect(verifyHexHmac(secret, body, signature.slice(0, 40))).toBe(false);
    expect(verifyHexHmac(secret, body, undefined)).toBe(false);
    expect(verifyHexHmac("", body, hmacSha256Hex("", body))).toBe(false);
  });

  it("checks Grafana's timestamped form", () => {
    const signed = grafanaSignedContent(body, "1770128580");
    expect(signed.toString()).toBe(`1770128580:${body}`);
    expect(verifyHexHmac(secret, signed, hmacSha256Hex(secret, `1770128580:${body}`))).toBe(true);
    expect(
      verifyHexHmac(secret, grafanaSignedContent(body, "1770128581"), hmacSha256Hex(secret, signed)),
    ).toBe(false);
  });
});

describe("verifyPagerDutySignature", () => {
  it("accepts any v1 signature made with any configured secret (rotation)", () => {
    const header = `v1=${hmacSha256Hex(other, body)},v1=${hmacSha256Hex(secret, body)}`;
    expect(verifyPagerDutySignature([secret], body, header)).toBe(true);
    expect(verifyPagerDutySignature(["unrelated", secret], body, ` v1=${hmacSha256Hex(secret, body)}`)).toBe(
      true,
    );
  });

  it("refuses unknown versions, wrong secrets and missing headers", () => {
    expect(verifyPagerDutySignature([secret], body, `v2=${hmacSha256Hex(secret, body)}`)).toBe(false);
    expect(verifyPagerDutySignature([other], body, `v1=${hmacSha256Hex(secret, body)}`)).toBe(false);
    expect(verifyPagerDutySignature([secret], body, undefined)).toBe(false);
    expect(verifyPagerDutySignature([], body, `v1=${hmacSha256Hex(secret, body)}`)).toBe(false);
  });
});

describe("verifyBearer", () => {
  it("compares the token whatever its length", () => {
    expect(verifyBearer(secret, `Bearer ${secret}`)).toBe(true);
    expect(verifyBearer(secret, `bearer  ${secret}`)).toBe(true);
    expect(verifyBearer(secret, `Bearer ${secret}x`)).toBe(false);
    expect(verifyBearer(secret, "Bearer x")).toBe(false);
    expect(verifyBearer(secret, `Basic ${secret}`)).toBe(false);
    expect(verifyBearer(secret, undefined)).toBe(false);
    expect(verifyBearer("", "Bearer ")).toBe(false);
  });
});
