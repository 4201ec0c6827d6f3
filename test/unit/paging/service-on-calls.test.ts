import { describe, expect, it } from "vitest";
import type { NotifyEvent } from "../../../src/config/outward-schema.js";
import { ConfigSchema } from "../../../src/config/schema.js";
import { pageActions } from "../../../src/features/outward/page-actions.js";
import { dueForIncident } from "../../../src/features/sweep/due-incident.js";
import { onCallHolders, primariesByService, serviceOnCalls } from "../../../src/kernel/on-call.js";
import { FORM_BODY } from "../../support/history-builder.js";
import { incidentOf } from "../../support/sweep-fixtures.js";
import { searchNotice } from "./search-notice.js";

/** Each affected service's own on-call (§13): who is paged, assigned and escalated to. */
const config = ConfigSchema.parse({
  onCall: { primary: ["alice"], secondary: ["zoe"] },
  services: {
    search: { onCall: { primary: ["carol"], secondary: ["bob"] } },
    api: { onCall: { rotation: { users: ["dave", "erin"], start: "2026-02-01T00:00:00Z", every: "1d" } } },
    web: { onCall: { primary: ["carol"] } },
    docs: {},
  },
  escalation: [{ after: "5m", when: "unacknowledged", notify: ["secondary"] }],
  paging: { service: "pagerduty", pagerduty: { routingKeyFrom: "PD_KEY" } },
});
const at = new Date("2026-02-03T14:23:00Z");

const declared = (services: string[], event: NotifyEvent = "declared") => searchNotice(event, { services });

describe("on call per affected service", () => {
  it("names each service's on-call, rotations included, and nobody for a service without one", () => {
    expect(serviceOnCalls(config, ["search", "api", "docs"], at)).toEqual([
      { service: "search", primary: "carol", secondary: "bob" },
      { service: "api", primary: "dave", secondary: "erin" },
    ]);
    // A service that names no on-call does not replace the top-level one with nobody.
    expect(onCallHolders(config, ["docs"], at, "primary")).toEqual(["alice"]);
  });

  it("counts each person once, with every service they are on call for", () => {
    expect(onCallHolders(config, ["search", "web", "api"], at, "primary")).toEqual(["carol", "dave"]);
    expect(primariesByService(config, ["search", "web", "api"], at)).toEqual([
      { login: "carol", services: ["search", "web"] },
      { login: "dave", services: ["api"] },
    ]);
    expect(primariesByService(config, [], at)).toEqual([{ login: "alice", services: [] }]);
  });

  it("pages the incident once, for each service's primary", () => {
    const [page] = pageActions([declared(["search", "web", "api"])], config);
    expect(page).toMatchObject({ action: "trigger", dedupKey: "INC-20260203-001", to: ["carol", "dave"] });
    // Without services' on-calls the paging service routes the page as configured.
    expect(pageActions([declared(["docs"])], config)[0]).toMatchObject({ to: [] });
  });

  it("escalates to each affected service's secondary", () => {
    // FORM_BODY names `search`; the edited form names `search, api`.
    const incident = incidentOf(config, (builder) => {
      builder.history.issue.body = FORM_BODY.replace("\nsearch\n", "\nsearch, api\n");
    });
    const tasks = dueForIncident(new Date("2026-02-03T14:30:00Z"), incident, config);
    expect(incident.state.form.services).toEqual(["search", "api"]);
    expect(tasks.find((task) => task.kind === "escalation")).toMatchObject({ mentions: ["bob", "erin"] });
  });
});
