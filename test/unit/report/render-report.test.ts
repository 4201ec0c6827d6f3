import { describe, expect, it } from "vitest";
import type { ChartFile } from "../../../src/features/report/charts.js";
import { computeReport } from "../../../src/features/report/metrics.js";
import { renderReport } from "../../../src/features/report/render-report.js";
import { config, fixedInput, now, reportWindow } from "../../fixtures/report/fixed-history.js";

/** Charts stand in by name: the Markdown only embeds their paths. */
const charts: ChartFile[] = [
  "incidents-per-month.svg",
  "time-to-detect.svg",
  "time-to-acknowledge.svg",
  "time-to-mitigate.svg",
  "time-to-resolve.svg",
  "action-item-backlog.svg",
].map((file) => ({ file, title: file.replace(".svg", ""), svg: "<svg/>" }));

describe("renderReport", () => {
  it("renders the fixed history", () => {
    const markdown = renderReport(computeReport(fixedInput(), config, now, reportWindow), charts);
    expect(markdown).toMatchInlineSnapshot(`
      "# Incident report

      Incidents declared from 2026-01-01 00:00 UTC to 2026-03-01 00:00 UTC in \`acme/shop\`. Generated 2026-03-01 00:00 UTC.
      Each incident counts under its current (final) severity; false positives and drills are
      counted apart and left out of every other number. How each number is computed: \`docs/reports.md\`.

      ## Summary

      | Measure | Value |
      | --- | --- |
      | Incidents | 7 (1 still open) |
      | False positives | 1 (12.5% of declared) |
      | Drills | 0 |
      | SLA breaches | 7 |
      | PIRs on time | 50% (2 of 4) |
      | Action items | 3 open, 1 overdue, 2 done |

      ## Targets

      | Measure | Value | Target | Result |
      | --- | --- | --- | --- |
      | Incidents in the busiest month | 4 | below 5 | met |
      | Mean time to detect | 27.5 min | below 5 min | **missed** |
      | False-positive rate | 12.5% | below 10% | **missed** |

      ## Incidents per month

      ![incidents-per-month](incidents-per-month.svg)

      | Month | SEV-1 | SEV-2 | SEV-3 | SEV-4 | Total | False positives |
      | --- | ---: | ---: | ---: | ---: | ---: | ---: |
      | 2026-01 | 1 | 2 | 0 | 0 | 3 | 0 |
      | 2026-02 | 1 | 1 | 1 | 1 | 4 | 1 |

      ## Response times

      Measured as the incident timeline shows them: detect = detected − started;
      acknowledge = acknowledged − detected; mitigate = mitigated − acknowledged (− detected
      when never acknowledged); resolve = last resolution − detected. Detected defaults to
      declared. "Measured" counts the incidents that have both times; incidents still open
      have no time to resolve yet.
      "Met target" counts incidents within the target against those that missed it,
      including open ones already past it.

      ### Time to detect

      ![time-to-detect](time-to-detect.svg)

      | Severity | Measured | Median | p90 |
      | --- | ---: | ---: | ---: |
      | SEV-1 | 2 of 2 | 7.5 min | 10 min |
      | SEV-2 | 2 of 3 | 25 min | 30 min |
      | SEV-3 | 1 of 1 | 40 min | 40 min |
      | SEV-4 | 1 of 1 | 1h | 1h |

      ### Time to acknowledge

      ![time-to-acknowledge](time-to-acknowledge.svg)

      | Severity | Measured | Median | p90 | Target | Met target |
      | --- | ---: | ---: | ---: | ---: | ---: |
      | SEV-1 | 2 of 2 | 3 min | 3 min | 5 min | 100% (2 of 2) |
      | SEV-2 | 3 of 3 | 20 min | 30 min | 15 min | 33.3% (1 of 3) |
      | SEV-3 | 1 of 1 | 40 min | 40 min | 1h | 100% (1 of 1) |
      | SEV-4 | 0 of 1 | – | – | 4h | – |

      ### Time to mitigate

      ![time-to-mitigate](time-to-mitigate.svg)

      | Severity | Measured | Median | p90 | Target | Met target |
      | --- | ---: | ---: | ---: | ---: | ---: |
      | SEV-1 | 1 of 2 | 17 min | 17 min | 15 min | 0% (0 of 2) |
      | SEV-2 | 3 of 3 | 25 min | 50 min | 30 min | 66.7% (2 of 3) |
      | SEV-3 | 1 of 1 | 1h 40m | 1h 40m | 4h | 100% (1 of 1) |
      | SEV-4 | 1 of 1 | 1d | 1d | none | – |

      ### Time to resolve

      ![time-to-resolve](time-to-resolve.svg)

      | Severity | Measured | Median | p90 | Target | Met target |
      | --- | ---: | ---: | ---: | ---: | ---: |
      | SEV-1 | 1 of 2 | 50 min | 50 min | 1h | 50% (1 of 2) |
      | SEV-2 | 3 of 3 | 3h | 5h | 4h | 66.7% (2 of 3) |
      | SEV-3 | 1 of 1 | 22h | 22h | 1d | 100% (1 of 1) |
      | SEV-4 | 1 of 1 | 1d | 1d | 7d | 100% (1 of 1) |

      ## Mean time between failures per service

      Mean gap between the starts of consecutive incidents naming the service; "–" with fewer than two.

      | Service | Incidents | MTBF |
      | --- | ---: | ---: |
      | api | 2 | 8d 6h |
      | auth | 1 | – |
      | dashboard | 1 | – |
      | search | 3 | 23d 1h |

      ## SLA breaches (7)

      | Incident | Severity | Target missed | Took | Target |
      | --- | --- | --- | --- | --- |
      | [acme/shop#1](https://github.com/acme/shop/issues/1) Search down | SEV-1 | Time to mitigate | 17 min | 15 min |
      | [acme/shop#2](https://github.com/acme/shop/issues/2) API errors | SEV-2 | Time to acknowledge | 20 min | 15 min |
      | [acme/shop#3](https://github.com/acme/shop/issues/3) Slow API | SEV-2 | Time to acknowledge | 30 min | 15 min |
      | [acme/shop#3](https://github.com/acme/shop/issues/3) Slow API | SEV-2 | Time to mitigate | 50 min | 30 min |
      | [acme/shop#4](https://github.com/acme/shop/issues/4) Search flaky | SEV-2 | Time to resolve | 5h | 4h |
      | [acme/shop#7](https://github.com/acme/shop/issues/7) Login failing | SEV-1 | Time to mitigate | 1d 1h and running | 15 min |
      | [acme/shop#7](https://github.com/acme/shop/issues/7) Login failing | SEV-1 | Time to resolve | 1d 1h and running | 1h |

      ## False positives (1)

      Incidents closed as not planned or labelled \`false-positive\`.

      | Incident | Severity |
      | --- | --- |
      | [acme/shop#6](https://github.com/acme/shop/issues/6) Auth alert | SEV-3 |

      ## Drills (0)

      Game days run with \`/drill\` or the \`drill\` label.

      None.

      ## Post-incident reviews

      PIRs due in this period; on time when merged by the due date.

      | On time | Late | Pending | On-time rate |
      | ---: | ---: | ---: | ---: |
      | 2 | 2 | 0 | 50% |

      Late:

      | Incident | Due | Merged |
      | --- | --- | --- |
      | acme/shop#2 | 2026-01-14 10:20 UTC | 2026-01-15 09:00 UTC |
      | acme/shop#4 | 2026-02-05 14:30 UTC | not merged |

      ## Action items

      As of 2026-03-01 00:00 UTC; overdue means open past its due date.

      | Open | Overdue | Done |
      | ---: | ---: | ---: |
      | 3 | 1 | 2 |

      Overdue:

      | Action item | Due |
      | --- | --- |
      | [#23](https://github.com/acme/shop/issues/23) | 2026-02-15 00:00 UTC |

      ### Open backlog

      ![action-item-backlog](action-item-backlog.svg)

      | Month | Open at its end |
      | --- | ---: |
      | 2026-01 | 2 |
      | 2026-02 | 3 |
      "
    `);
  });

  it("says no data for PIRs and action items, and none for an empty period", () => {
    const markdown = renderReport(computeReport({ incidents: [] }, config, now, reportWindow), []);
    expect(markdown).not.toContain("![");
    expect(markdown).toContain("## Post-incident reviews\n\nNo data.");
    expect(markdown).toContain("## Action items\n\nNo data.");
    expect(markdown).toContain("## SLA breaches (0)\n\nEvery target was met.");
    expect(markdown).toContain("No incidents in this period.");
  });

  it("keeps people's text from breaking tables or mentioning anyone", () => {
    const input = fixedInput();
    const first = input.incidents[0];
    if (!first) throw new Error("fixture is empty");
    input.incidents[0] = { ...first, title: "[INC-20260105-001] Search | down @alice <b>" };
    const markdown = renderReport(computeReport(input, config, now, reportWindow), charts);
    expect(markdown).toContain("Search \\| down @\u200balice &lt;b&gt;");
  });
});
