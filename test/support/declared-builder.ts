import { ConfigSchema } from "../../src/config/schema.js";
import { decideIncident } from "../../src/features/incident/decide-incident.js";
import { labelSpecs } from "../../src/features/incident/label-specs.js";
import { readFormTemplate } from "../../src/pipelines/app-deps.js";
import { applyToBuilder } from "./apply-to-builder.js";
import { BOT, FORM_BODY, HistoryBuilder } from "./history-builder.js";

/**
 * An incident filed from the form at 14:23 and declared by the app's own decisions
 * as of `at` (the repo's labels exist), applied `rounds` times: the first round
 * declares, the second writes what follows from the declaration (the timeline).
 */
export function declaredBuilder(at: string, rounds = 2): HistoryBuilder {
  const builder = new HistoryBuilder({ body: FORM_BODY }).label("incident", "2026-02-03T14:23:00Z");
  const config = ConfigSchema.parse({});
  builder.history.repo.labels = labelSpecs(config).map((label) => ({ id: `LA_${label.name}`, ...label }));
  for (let round = 0; round < rounds; round++) {
    const { plan } = decideIncident({
      history: builder.history,
      config,
      botLogin: BOT,
      formTemplate: readFormTemplate(),
      now: new Date(at),
      checkLabels: false,
    });
    applyToBuilder(builder, plan, "2026-02-03T14:23:01Z");
  }
  return builder;
}
