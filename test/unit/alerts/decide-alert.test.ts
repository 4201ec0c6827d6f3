import { describe, expect, it } from "vitest";
import type { Alert } from "../../../src/features/alerts/alert.js";
import { decideAlert, type KnownIncident } from "../../../src/features/alerts/decide-alert.js";

const now = new Date("2026-02-03T15:00:00Z");
const settings = { flappingWindowMs: 30 * 60_000, resolvedMarksMitigated: true };

function alert(status: Alert["status"], endsAt: string | null = null): Alert {
  return {
    source: "alertmanager",
    fingerprint: "3c2d3ab5a4b4f0e1",
    status,
    labels: {},
    title: "t",
    summary: "",
    startsAt: "2026-02-03T14:23:00.000Z",
    endsAt,
    links: [],
    generatorURL: null,
  };
}

const open: KnownIncident = {
  repository: "acme/search",
  number: 42,
  state: "open",
  resolvedAt: null,
  firings: 3,
  alertResolved: false,
};

function closedAt(iso: string): KnownIncident {
  return { ...open, state: "closed", resolvedAt: iso, alertResolved: true };
}

describe("decideAlert", () => {
  it("declares a new fingerprint", () => {
    expect(decideAlert(alert("firing"), null, settings, now)).toEqual({
      kind: "declare",
      reason: "new-fingerprint",
    });
  });

  it("counts a repeat of an open incident's alert", () => {
    expect(decideAlert(alert("firing"), open, settings, now)).toEqual({
      kind: "add-to-existing",
      incident: open,
      firings: 4,
      refired: false,
    });
  });

  it("notes an alert that fires again while its incident is still open", () => {
    const decision = decideAlert(alert("firing"), { ...open, alertResolved: true }, settings, now);
    expect(decision).toMatchObject({ kind: "add-to-existing", refired: true });
  });

  it("reopens when the alert fires again within the flapping window", () => {
    const decision = decideAlert(alert("firing"), closedAt("2026-02-03T14:40:00Z"), settings, now);
    expect(decision).toMatchObject({ kind: "reopen", resolvedAgoMs: 20 * 60_000 });
  });

  it("declares anew after the window", () => {
    const decision = decideAlert(alert("firing"), closedAt("2026-02-03T14:29:59Z"), settings, now);
    expect(decision).toEqual({ kind: "declare", reason: "resolved-long-ago" });
  });

  it("records a resolution once, marking mitigated when configured", () => {
    expect(decideAlert(alert("resolved", "2026-02-03T14:40:00.000Z"), open, settings, now)).toEqual({
      kind: "record-resolved",
      incident: open,
      endsAt: "2026-02-03T14:40:00.000Z",
      markMitigated: true,
    });
    const off = decideAlert(alert("resolved"), open, { ...settings, resolvedMarksMitigated: false }, now);
    expect(off).toMatchObject({ kind: "record-resolved", endsAt: now.toISOString(), markMitigated: false });
    expect(decideAlert(alert("resolved"), { ...open, alertResolved: true }, settings, now)).toEqual({
      kind: "ignore",
      reason: "the alert's resolution is already recorded",
    });
  });

  it("says why it ignores a resolution", () => {
    expect(decideAlert(alert("resolved"), null, settings, now)).toEqual({
      kind: "ignore",
      reason: "resolved alert with no incident for its fingerprint",
    });
    expect(decideAlert(alert("resolved"), closedAt("2026-02-03T14:40:00Z"), settings, now)).toEqual({
      kind: "ignore",
      reason: "incident #42 is already resolved",
    });
  });
});
