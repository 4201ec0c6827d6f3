import { describe, expect, it } from "vitest";
import { formatCommandError } from "../../../src/commands/index.js";
import { commandOf, errorOf } from "./context.js";

describe("/status public <state> <text>", () => {
  it.each([
    [
      "/status public investigating We are looking into slow searches.",
      { kind: "public-status", state: "investigating", text: "We are looking into slow searches." },
    ],
    [
      "/status Public ident Fix in progress",
      { kind: "public-status", state: "identified", text: "Fix in progress" },
    ],
    [
      "/status public mon Watching closely",
      { kind: "public-status", state: "monitoring", text: "Watching closely" },
    ],
    [
      "/status public resolved All good again.",
      { kind: "public-status", state: "resolved", text: "All good again." },
    ],
  ])("%s", (line, expected) => {
    expect(commandOf(line)).toEqual(expected);
  });

  it("takes only the customer-facing states of the plans", () => {
    // `mitigating` is an internal status; customers see identified → monitoring.
    expect(formatCommandError(errorOf("/status public mitigating Rolling back"))).toMatchInlineSnapshot(
      `"\`/status\`: \`mitigating\` is not a valid public state; expected one of investigating, identified, monitoring, resolved (a unique prefix is enough). Try \`/status public identified We found the cause and are rolling out a fix.\`."`,
    );
  });

  it("asks for the state and the text", () => {
    expect(errorOf("/status public")).toMatchObject({ kind: "missing-argument", argument: "public state" });
    expect(errorOf("/status public identified")).toMatchObject({
      kind: "missing-argument",
      argument: "text",
    });
  });

  it("leaves /status as it was", () => {
    expect(commandOf("/status identified public DNS")).toEqual({
      kind: "status",
      status: "identified",
      text: "public DNS",
    });
  });
});
