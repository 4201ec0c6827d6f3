import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { type ChartFile, renderCharts } from "../../../src/features/report/charts.js";
import { readableUnit } from "../../../src/features/report/duration-chart.js";
import { computeReport } from "../../../src/features/report/metrics.js";
import { config, fixedInput, now, reportWindow } from "../../fixtures/report/fixed-history.js";

/** Text of every `<text>` element, in document order. */
function texts(svg: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "text")
          found.push(
            ...[value]
              .flat()
              .map((t) =>
                typeof t === "object" && t
                  ? String((t as Record<string, unknown>)["#text"] ?? "")
                  : String(t),
              ),
          );
        else walk(value);
      }
    }
  };
  walk(new XMLParser({ ignoreAttributes: false }).parse(svg));
  return found;
}

describe("readableUnit", () => {
  it("picks minutes up to 2 h, hours up to 3 days, days beyond", () => {
    expect(readableUnit(45 * 60_000).name).toBe("minutes");
    expect(readableUnit(2 * 3_600_000).name).toBe("hours");
    expect(readableUnit(5_288 * 60_000).name).toBe("days");
  });
});

describe("report charts", () => {
  let charts: ChartFile[];
  const chart = (file: string) => {
    const found = charts.find((c) => c.file === file);
    if (!found) throw new Error(`no chart ${file}`);
    return found.svg;
  };

  beforeAll(async () => {
    charts = await renderCharts(computeReport(fixedInput(), config, now, reportWindow));
  });

  it("draws one chart per section with data", () => {
    expect(charts.map((c) => c.file)).toEqual([
      "incidents-per-month.svg",
      "time-to-detect.svg",
      "time-to-acknowledge.svg",
      "time-to-mitigate.svg",
      "time-to-resolve.svg",
      "action-item-backlog.svg",
    ]);
  });

  it("writes well-formed SVG documents with a size and an accessible description", () => {
    for (const { svg, file } of charts) {
      expect(XMLValidator.validate(svg), file).toBe(true);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), file).toBe(true);
      expect(svg, file).toMatch(/ width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
      expect(svg, file).toContain("aria-label=");
    }
  });

  it("labels the monthly chart's axes with units, months and severities", () => {
    const words = texts(chart("incidents-per-month.svg"));
    expect(words).toEqual(
      expect.arrayContaining([
        "Incidents per month by severity",
        "Month (UTC)",
        "Incidents (count)",
        "2026-01",
        "2026-02",
        "SEV-1",
        "SEV-4",
      ]),
    );
  });

  it("labels duration charts with each severity, statistic and unit", () => {
    const words = texts(chart("time-to-acknowledge.svg"));
    expect(words).toEqual(
      expect.arrayContaining([
        "Time to acknowledge: median and p90 by severity",
        "Minutes or hours, per severity; dashed red line = target",
        "Time to acknowledge (minutes)",
        "median",
        "p90",
        "SEV-2",
        "20",
        "30",
        "20 min",
        "Time to acknowledge (hours)",
      ]),
    );
    expect(texts(chart("time-to-detect.svg")).join(" ")).toContain("no target");
  });

  it("draws long durations in hours or days, never thousands of minutes", () => {
    const words = texts(chart("time-to-resolve.svg"));
    expect(words.some((word) => /\((hours|days)\)$/.test(word))).toBe(true);
    for (const word of words) expect(word).not.toMatch(/^\d{1,3}(,\d{3})+(\.\d)? min$/);
  });

  it("labels the backlog chart's axes", () => {
    expect(texts(chart("action-item-backlog.svg"))).toEqual(
      expect.arrayContaining(["Month (UTC)", "Open action items (count)", "2026-01", "2026-02"]),
    );
  });

  it("keeps axis labels flat (only axis titles are turned)", () => {
    for (const { svg, file } of charts) {
      const labelGroups = svg.match(/<g class="mark-text role-axis-label"[\s\S]*?<\/g>/g) ?? [];
      expect(labelGroups.length, file).toBeGreaterThan(0);
      for (const group of labelGroups) expect(group, file).not.toContain("rotate(");
    }
  });

  it("leaves out charts without data", async () => {
    const empty = computeReport({ incidents: [] }, config, now, reportWindow);
    expect(await renderCharts(empty)).toEqual([]);
  });
});
