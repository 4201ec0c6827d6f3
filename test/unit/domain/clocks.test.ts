import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config/schema.js";
import { clocks } from "../../../src/kernel/clocks.js";
import { project } from "../../../src/kernel/projection/project-history.js";
import { readFormTemplate } from "../../../src/pipelines/app-deps.js";
import { BOT, FORM_BODY, HistoryBuilder, user } from "../../support/history-builder.js";

const config = ConfigSchema.parse({});
const ctx = { config, botLogin: BOT, formTemplate: readFormTemplate() };
const at = (hhmm: string) => new Date(`2026-02-03T${hhmm}:00Z`);

function incident(...commands: Array<[string, string]>) {
  const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
  for (const [time, body] of commands) builder.comment(body, `2026-02-03T${time}:00Z`, user("bob"));
  return project(builder.history, ctx);
}

describe("clocks (SEV-2: ack 15m, mitigate 30m after ack, resolve 4h, updates every 30m)", () => {
  it.each([
    [
      "nothing yet, 10 min in",
      [],
      "14:33",
      { acknowledge: "running", mitigate: "waiting", resolve: "running" },
    ],
    ["no ack after 20 min", [], "14:43", { acknowledge: "overdue", mitigate: "waiting", resolve: "running" }],
    [
      "ack at 2 min",
      [["14:25", "/ack"]],
      "14:30",
      { acknowledge: "met", mitigate: "running", resolve: "running" },
    ],
    [
      "ack at 16 min",
      [["14:39", "/ack"]],
      "14:40",
      { acknowledge: "breached", mitigate: "running", resolve: "running" },
    ],
    [
      "mitigated 31 min after ack",
      [
        ["14:25", "/ack"],
        ["14:56", "/mitigated"],
      ],
      "15:00",
      { acknowledge: "met", mitigate: "breached", resolve: "running" },
    ],
    [
      "resolved without ack",
      [["15:00", "/resolve"]],
      "16:00",
      // No mitigation recorded: it counts at resolution, 37 min after detection.
      { acknowledge: "not-recorded", mitigate: "breached", resolve: "met" },
    ],
    [
      "resolved after 4h 1m",
      [
        ["14:25", "/ack"],
        ["14:40", "/mitigated"],
        ["18:24", "/resolve"],
      ],
      "19:00",
      { acknowledge: "met", mitigate: "met", resolve: "breached" },
    ],
  ] as const)("%s", (_name, commands, now, expected) => {
    const state = incident(...(commands as unknown as Array<[string, string]>));
    const c = clocks(state, config, at(now));
    expect({
      acknowledge: c.targets.acknowledge.kind,
      mitigate: c.targets.mitigate.kind,
      resolve: c.targets.resolve.kind,
    }).toEqual(expected);
  });

  it("stops every duration at resolution", () => {
    const state = incident(["14:25", "/ack"], ["14:40", "/mitigated"], ["15:10", "/resolve"]);
    const early = clocks(state, config, at("15:10"));
    const late = clocks(state, config, new Date("2026-03-01T00:00:00Z"));
    expect(late).toEqual(early);
    expect(late.durations).toEqual({
      detect: 0,
      acknowledge: 120_000,
      // /ack made bob incident commander at the same moment.
      ic: 120_000,
      mitigate: 900_000,
      resolve: 2_820_000,
    });
    expect(late.nextUpdateDue).toBeNull();
    expect(late.pirDue?.toISOString()).toBe("2026-02-05T15:10:00.000Z");
  });

  it("uses /started and /detected for time to detect, and detection for the ack clock", () => {
    const state = incident(["14:30", "/started at 14:05\n/detected at 14:20"], ["14:31", "/ack"]);
    const c = clocks(state, config, at("14:32"));
    expect(c.durations.detect).toBe(15 * 60_000);
    expect(c.durations.acknowledge).toBe(11 * 60_000);
  });

  it("moves the next update on each /update", () => {
    const state = incident(["14:40", "/update rolling back"]);
    expect(clocks(state, config, at("14:41")).nextUpdateDue?.toISOString()).toBe("2026-02-03T15:10:00.000Z");
    expect(clocks(state, config, at("15:11")).updateOverdue).toBe(true);
  });
});
