import { describe, expect, it } from "vitest";
import {
  findIssueForAlert,
  parseAlertMarkers,
  renderAlertMarker,
} from "../../../src/features/alerts/alert-marker.js";

describe("alert marker", () => {
  it("renders and parses back", () => {
    const marker = { source: "alertmanager" as const, fingerprint: "3c2d3ab5a4b4f0e1" };
    expect(renderAlertMarker(marker)).toBe(
      "<!-- incident-app:alert fingerprint=3c2d3ab5a4b4f0e1 source=alertmanager -->",
    );
    expect(parseAlertMarkers(`Body\n${renderAlertMarker(marker)}\n`)).toEqual([marker]);
  });

  it("survives fingerprints with spaces, = and -->", () => {
    const marker = { source: "generic" as const, fingerprint: "check a=b --> x" };
    const body = `${renderAlertMarker(marker)} after`;
    expect(body).not.toMatch(/x -->.*-->/);
    expect(parseAlertMarkers(body)).toEqual([marker]);
  });

  it("skips malformed markers and unknown sources", () => {
    const body = [
      "<!-- incident-app:alert fingerprint=abc -->",
      "<!-- incident-app:alert fingerprint=abc source=nagios -->",
      "<!-- incident-app:alert fingerprint=%E0%A4%A source=generic -->",
      "<!-- incident-app:alert source=grafana fingerprint=ok -->",
    ].join("\n");
    expect(parseAlertMarkers(body)).toEqual([{ source: "grafana", fingerprint: "ok" }]);
  });

  it("finds the newest issue the app wrote, ignoring pasted markers", () => {
    const marker = { source: "grafana" as const, fingerprint: "c6eadffa33fcdf37" };
    const text = renderAlertMarker(marker);
    const issues = [
      { number: 7, body: text, authoredByApp: true },
      { number: 12, body: text, authoredByApp: true },
      { number: 30, body: text, authoredByApp: false },
      { number: 31, body: renderAlertMarker({ ...marker, source: "alertmanager" }), authoredByApp: true },
    ];
    expect(findIssueForAlert(issues, marker)?.number).toBe(12);
    expect(findIssueForAlert(issues, { ...marker, fingerprint: "other" })).toBeNull();
  });
});
